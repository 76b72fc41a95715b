package org.complaints.intake;

import java.text.Normalizer;

/**
 * What text from outside may contain: no control characters (line breaks and tabs only in multi-line fields,
 * never in a single line, which could end up in an e-mail header) and no bidirectional overrides that make
 * text display differently from what it is. Accepted text is stored NFC-normalised.
 */
public final class TextHygiene {

    private TextHygiene() {}

    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }

    public static boolean isClean(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(multiLine && lineBreakOrTab)) {
                return false;
            }
            if (isDirectionControl(c) || c == '\uFEFF' || c == '\uFFFD') {
                // U+FFFD: what a decoder leaves of invalid UTF-8
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDirectionControl(char c) {
        return (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C';
    }
}
