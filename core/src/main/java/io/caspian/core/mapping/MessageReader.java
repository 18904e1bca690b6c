package io.caspian.core.mapping;

import io.caspian.core.money.Currency;
import io.caspian.core.money.CurrencyTable;
import io.caspian.core.money.Money;
import io.caspian.core.txn.CanonicalMessage;
import io.caspian.core.txn.CardAcceptor;
import io.caspian.core.txn.Digits;
import io.caspian.core.txn.Mti;
import io.caspian.core.txn.OriginalData;
import io.caspian.core.txn.Reason;
import io.caspian.iso8583.IsoMessage;
import io.caspian.iso8583.StructureElement;
import io.caspian.iso8583.StructureReader;
import io.caspian.store.Channel;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** Reads a scheme's wire message into the canonical form. Stateless. */
public final class MessageReader {
    private final SchemeWire wire;
    private final CurrencyTable currencies;

    public MessageReader(SchemeWire wire, CurrencyTable currencies) {
        this.wire = wire;
        this.currencies = currencies;
    }

    /** Reads; {@code today} gives the year that ISO 8583:1987 local dates leave out. */
    public MappingResult read(IsoMessage m, LocalDate today) {
        Mti mti = Mti.parse(m.mti());
        if (mti.messageClass() == Mti.CLASS_NETWORK) {
            return new MappingResult.Invalid(0, "network management is not a transaction");
        }
        boolean request = mti.isRequestOrAdvice();
        String pan = m.getString(2);
        if (request && pan == null) {
            return new MappingResult.Invalid(2, "no PAN");
        }
        String pc = m.getString(3);
        if (request && pc == null) {
            return new MappingResult.Invalid(3, "no processing code");
        }
        Money amount;
        Money billing;
        try {
            amount = amount(m, 4, 49, today);
            billing = amount(m, 6, 51, today);
        } catch (IllegalArgumentException e) {
            return new MappingResult.Invalid(4, e.getMessage());
        }
        if (request && amount == null) {
            return new MappingResult.Invalid(4, "no amount");
        }
        String stan = m.getString(11);
        if (stan == null) {
            return new MappingResult.Invalid(11, "no trace number");
        }
        LocalDateTime local;
        try {
            local = localTime(m, today);
        } catch (DateTimeParseException | NumberFormatException e) {
            return new MappingResult.Invalid(12, "local date and time do not parse");
        }
        String responseCode = m.getString(39);
        Reason reason = responseCode == null ? null : wire.codes().reason(responseCode);
        return new MappingResult.Mapped(new CanonicalMessage(mti, pan, pc, amount, billing,
                m.getString(10), m.getString(7), stan, local, m.getString(14), m.getString(22),
                m.getString(32), m.getString(33), m.getString(35), trimmed(m.getString(37)),
                trimmed(m.getString(38)), reason, responseCode, acceptor(m, pc),
                m.getBytes(52), m.getBytes(55), original(m), tag(m, wire.conventions()
                .recipientTag()), tag(m, wire.conventions().holderNameTag())));
    }

    private Money amount(IsoMessage m, int field, int currencyField, LocalDate today) {
        if (!m.has(field)) {
            return null;
        }
        if (wire.conventions().amounts()
                == WireConventions.AmountLayout.N16_CURRENCY_EXPONENT_AMOUNT) {
            String s = m.getString(field);
            int numeric = Integer.parseInt(s.substring(0, 3));
            int exponent = s.charAt(3) - '0';
            long minor = Long.parseLong(s.substring(4));
            Currency known = currency(numeric, today);
            return new Money(minor, new Currency(known.alpha(), numeric, exponent));
        }
        if (!m.has(currencyField)) {
            throw new IllegalArgumentException("DE " + field + " without its currency DE "
                    + currencyField);
        }
        int numeric = Integer.parseInt(m.getString(currencyField).trim());
        return new Money(m.getLong(field), currency(numeric, today));
    }

    private Currency currency(int numeric, LocalDate today) {
        return currencies.byNumeric(numeric, today).orElseThrow(
                () -> new IllegalArgumentException("unknown currency " + numeric));
    }

    private LocalDateTime localTime(IsoMessage m, LocalDate today) {
        if (!m.has(12)) {
            return null;
        }
        String t = m.getString(12);
        if (wire.conventions().localTime() == WireConventions.LocalTimeLayout.DE12_DATE_TIME) {
            return LocalDateTime.of(Integer.parseInt(t.substring(0, 4)),
                    Integer.parseInt(t.substring(4, 6)), Integer.parseInt(t.substring(6, 8)),
                    Integer.parseInt(t.substring(8, 10)), Integer.parseInt(t.substring(10, 12)),
                    Integer.parseInt(t.substring(12, 14)));
        }
        String d = m.has(13) ? m.getString(13) : Digits.pad(today.getMonthValue(), 2)
                + Digits.pad(today.getDayOfMonth(), 2);
        int month = Integer.parseInt(d.substring(0, 2));
        int year = today.getYear();
        // ISO 8583:1987 DE 13 has no year: a December date seen in January is last year's.
        if (month == 12 && today.getMonthValue() == 1) {
            year--;
        }
        return LocalDateTime.of(year, month, Integer.parseInt(d.substring(2, 4)),
                Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(2, 4)),
                Integer.parseInt(t.substring(4, 6)));
    }

    private CardAcceptor acceptor(IsoMessage m, String pc) {
        String name = null;
        String city = null;
        String country = null;
        String nl = m.getString(43);
        if (nl != null) {
            if (wire.conventions().nameLocation()
                    == WireConventions.NameLocationLayout.SEPARATED) {
                String[] parts = nl.split(">", -1);
                name = parts[0].trim();
                city = parts.length > 1 ? parts[1].trim() : null;
                country = parts.length > 2 ? parts[2].trim() : null;
            } else if (nl.length() >= 40) {
                name = nl.substring(0, 25).trim();
                city = nl.substring(25, 38).trim();
                country = nl.substring(38, 40).trim();
            } else {
                name = nl.trim();
            }
        }
        String mcc = m.getString(18);
        return new CardAcceptor(trimmed(m.getString(41)), trimmed(m.getString(42)), mcc, name,
                city, country, channel(mcc, m.getString(22), pc));
    }

    /** ATM by MCC 6011, transfer by processing code 40, e-commerce by POS entry mode 81/01. */
    static Channel channel(String mcc, String posEntryMode, String pc) {
        if (pc != null && pc.startsWith("40")) {
            return Channel.TRANSFER;
        }
        if ("6011".equals(mcc)) {
            return Channel.ATM;
        }
        if (posEntryMode != null && (posEntryMode.startsWith("81")
                || posEntryMode.startsWith("01"))) {
            return Channel.ECOM;
        }
        return Channel.POS;
    }

    private static OriginalData original(IsoMessage m) {
        String s = m.getString(90);
        if (s == null) {
            return null;
        }
        if (s.length() >= 52) {
            return new OriginalData(s.substring(0, 4), s.substring(4, 16), s.substring(16, 30),
                    s.substring(30, 41), s.substring(41, 52));
        }
        if (s.length() >= 42) {
            return new OriginalData(s.substring(0, 4), s.substring(4, 10), s.substring(10, 20),
                    s.substring(20, 31), s.substring(31, 42));
        }
        return null;
    }

    private static String tag(IsoMessage m, String tag) {
        if (tag == null || !m.has(48)) {
            return null;
        }
        for (StructureElement e : StructureReader.read(m, 48)) {
            if (e.id().equals(tag)) {
                return e.value();
            }
        }
        return null;
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}
