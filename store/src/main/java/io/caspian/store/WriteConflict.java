package io.caspian.store;

/**
 * A write disagrees with what is stored (see {@link StoreFailure#CONFLICT}). Checked, and
 * internal: the committer turns it into a failed future for one submission.
 */
final class WriteConflict extends Exception {
    private static final long serialVersionUID = 1L;

    WriteConflict(String detail) {
        super(detail, null, false, false);
    }
}
