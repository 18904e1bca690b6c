package io.caspian.app.clearing;

import io.caspian.app.CliException;
import io.caspian.clearing.EntryKind;
import io.caspian.store.ClearingRows.DisputeRow;
import java.io.PrintWriter;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caspian dispute chargeback|representment|second-chargeback|list --transaction ID}.
 */
@Command(name = "dispute", mixinStandardHelpOptions = true,
        description = "Raise a dispute stage against a cleared approval, or list its stages. "
                + "Each stage goes into both schemes' next clearing files.")
public final class DisputeCommand extends ClearingCommand {
    @Parameters(index = "0", paramLabel = "STAGE",
            description = "chargeback, representment, second-chargeback or list.")
    String stage;

    @Option(names = "--transaction", required = true, paramLabel = "ID",
            description = "The original transaction's id (card_transaction.id).")
    String transaction;

    @Option(names = "--reason", paramLabel = "CODE",
            description = "Reason code: 4808, 4834, 4837, 4853, 4859 for chargebacks; 2700, "
                    + "2713 for a representment.")
    String reason;

    @Option(names = "--amount", paramLabel = "MINOR",
            description = "Amount in minor units of the transaction's currency (default: all "
                    + "of the stage before).")
    Long amount;

    @Option(names = "--note", defaultValue = "", description = "Free text for the record.")
    String note;

    @Option(names = "--operator", defaultValue = "${sys:user.name}",
            description = "Who, for the audit trail (default: the OS user).")
    String operator;

    @Override
    Integer execute() {
        UUID id;
        try {
            id = UUID.fromString(transaction);
        } catch (IllegalArgumentException e) {
            throw new CliException("--transaction: '" + transaction + "' is not a UUID");
        }
        PrintWriter out = out();
        try (ClearingRun run = store.open()) {
            if (stage.equals("list")) {
                for (DisputeRow d : run.disputes.of(id)) {
                    print(out, d);
                }
            } else {
                EntryKind kind = switch (stage) {
                    case "chargeback" -> EntryKind.CHARGEBACK;
                    case "representment" -> EntryKind.REPRESENTMENT;
                    case "second-chargeback" -> EntryKind.SECOND_CHARGEBACK;
                    default -> throw new CliException("STAGE must be chargeback, "
                            + "representment, second-chargeback or list, not '" + stage + "'");
                };
                if (reason == null) {
                    throw new CliException("--reason is required for a " + stage);
                }
                print(out, run.disputes.raise(id, kind, reason, amount, operator, note));
            }
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, DisputeRow d) {
        out.printf("%s %s reason %s amount %d (currency %03d) business date %s respond by %s"
                + "  id %s%n", d.stage(), d.originalId(), d.reasonCode(), d.amount().minor(),
                d.amount().currency(), d.businessDate(), d.respondBy(), d.id());
    }
}
