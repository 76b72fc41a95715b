package org.complaints.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Jakarta Mail is told its stream provider by name, so writing a message does not scan the class path each time. */
class SmtpDeliveryStreamProviderTest {

    @Test
    void theStreamProviderIsNamedAndLoadsWhereverSmtpDeliveryIsUsed() throws Exception {
        Class.forName(SmtpDelivery.class.getName());
        assertThat(System.getProperty(SmtpDelivery.STREAM_PROVIDER)).isEqualTo(SmtpDelivery.ANGUS_STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(SmtpDelivery.ANGUS_STREAM_PROVIDER);

        // and a body part is still encoded by it
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream encoded = MimeUtility.encode(bytes, "quoted-printable")) {
            encoded.write("Şikâyetiniz alındı".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo("=C5=9Eik=C3=A2yetiniz al=C4=B1nd=C4=B1");
    }
}
