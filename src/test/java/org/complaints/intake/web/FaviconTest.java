package org.complaints.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.complaints.SharedApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Browsers and tools that ask for {@code /favicon.ico} (not the SVG the pages link) get the same icon, as an ICO
 * with 16 and 32 pixel images, without signing in.
 */
@SharedApplication
class FaviconTest {

    @Autowired
    MockMvc mvc;

    @Test
    void faviconIcoIsTheSvgIconAsAnIcoWithoutSigningIn() throws Exception {
        MockHttpServletResponse answer =
                mvc.perform(get("/favicon.ico")).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        // Tomcat names it image/x-icon, Spring's own table image/vnd.microsoft.icon: both are the ICO format
        assertThat(answer.getContentType()).isIn("image/x-icon", "image/vnd.microsoft.icon");

        ByteBuffer icon = ByteBuffer.wrap(answer.getContentAsByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        // the ICO header: reserved 0, type 1 (icon), the number of images; then one 16-byte entry per image
        assertThat(icon.getShort(0)).isZero();
        assertThat(icon.getShort(2)).isEqualTo((short) 1);
        int images = icon.getShort(4);
        int offset32 = -1;
        for (int i = 0; i < images; i++) {
            int entry = 6 + 16 * i;
            if (Byte.toUnsignedInt(icon.get(entry)) == 32) {
                offset32 = icon.getInt(entry + 12);
            }
        }
        assertThat(offset32).as("a 32 x 32 image").isPositive();
        // a 32-bit bitmap, rows bottom up, BGRA: the bubble's accent colour (#005ea5) left of the tick, and
        // nothing (transparent) in the corner below the bubble's tail
        assertThat(icon.getInt(offset32)).as("BITMAPINFOHEADER").isEqualTo(40);
        assertThat(icon.getShort(offset32 + 14)).as("bits per pixel").isEqualTo((short) 32);
        assertThat(pixel(icon, offset32, 4, 10)).isEqualTo(new int[] {0x00, 0x5e, 0xa5, 0xff});
        assertThat(pixel(icon, offset32, 0, 31)[3]).isZero();
    }

    /** Red, green, blue and alpha of the pixel at {@code x}, {@code y} (from the top) of a 32 x 32 bitmap. */
    private static int[] pixel(ByteBuffer icon, int offset, int x, int y) {
        int at = offset + 40 + ((31 - y) * 32 + x) * 4;
        return new int[] {
            Byte.toUnsignedInt(icon.get(at + 2)),
            Byte.toUnsignedInt(icon.get(at + 1)),
            Byte.toUnsignedInt(icon.get(at)),
            Byte.toUnsignedInt(icon.get(at + 3))
        };
    }
}
