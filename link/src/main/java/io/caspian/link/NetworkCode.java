package io.caspian.link;

/**
 * The network management requests the link answers and sends itself. Key change (161) and
 * cut-over (201) are not here: they belong to the switch and pass through to the handler.
 */
enum NetworkCode {
    SIGN_ON("001", "801"),
    SIGN_OFF("002", "802"),
    ECHO("301", "831");

    /** DE 70 network management information code, in every dialect. */
    private final String de70;
    /** DE 24 function code carried alongside DE 70 in ISO 8583:1993/2003 dialects. */
    private final String functionCode;

    NetworkCode(String de70, String functionCode) {
        this.de70 = de70;
        this.functionCode = functionCode;
    }

    String de70() {
        return de70;
    }

    String functionCode() {
        return functionCode;
    }

    /** The code for a DE 70 value, or null when the link does not handle it itself. */
    static NetworkCode fromDe70(String value) {
        for (NetworkCode c : values()) {
            if (c.de70.equals(value)) {
                return c;
            }
        }
        return null;
    }
}
