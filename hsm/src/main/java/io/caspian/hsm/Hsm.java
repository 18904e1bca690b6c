package io.caspian.hsm;

/**
 * The security boundary: the only path to keys in Caspian.
 *
 * <p>A command goes in, a result comes out; keys, PINs and clear PIN blocks never come out.
 * {@link SoftwareHsm} implements it in process. A hardware or network HSM (for example one
 * speaking a vendor's host command protocol) plugs in by implementing this interface and
 * mapping each {@link HsmCommand} to its own commands; nothing else in Caspian changes.
 *
 * <p>Implementations are thread-safe.
 */
public interface Hsm {

    /**
     * Runs one command.
     *
     * @return the command's output, or a refusal naming why; never throws for bad input,
     *     wrong keys or bad PIN blocks
     */
    <R> HsmResult<R> execute(HsmCommand<R> command);
}
