package io.caspian.hsm.mac;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.paddings.ISO7816d4Padding;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Our retail MAC keeps its key schedules between messages; Bouncy Castle's rebuilds them
 * every time. Both must give the same bytes for any key, any data (empty, aligned, not) and
 * both paddings, message after message on the same instance.
 */
class RetailMacPropertiesTest {

    @Property(tries = 300)
    void sameMacAsBouncyCastleMessageAfterMessage(@ForAll @Size(16) byte[] key,
            @ForAll @Size(max = 3) java.util.List<@Size(max = 70) byte[]> messages,
            @ForAll boolean padding2) {
        ISO7816d4Padding padding = padding2 ? new ISO7816d4Padding() : null;
        Mac ours = new RetailMac(padding);
        ours.init(new KeyParameter(key));
        for (byte[] data : messages) {
            Mac reference = padding == null ? new ISO9797Alg3Mac(new DESEngine(), 64)
                    : new ISO9797Alg3Mac(new DESEngine(), 64, padding);
            reference.init(new KeyParameter(key));
            assertThat(mac(ours, data)).isEqualTo(mac(reference, data));
        }
    }

    @Property(tries = 100)
    void byteByByteEqualsWhole(@ForAll @Size(16) byte[] key,
            @ForAll @Size(max = 40) byte[] data) {
        Mac whole = new RetailMac(null);
        whole.init(new KeyParameter(key));
        Mac single = new RetailMac(null);
        single.init(new KeyParameter(key));
        for (byte b : data) {
            single.update(b);
        }
        byte[] out = new byte[8];
        single.doFinal(out, 0);
        assertThat(out).isEqualTo(mac(whole, data));
    }

    private static byte[] mac(Mac mac, byte[] data) {
        byte[] out = new byte[8];
        mac.update(data, 0, data.length);
        mac.doFinal(out, 0);
        return out;
    }
}
