package org.complaints.letters;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How letters to complainants are headed.
 *
 * @param returnAddress the organisation's postal address printed on every letter and in the envelope window's
 *                      return line; lines separated by commas ({@code complaints.contact.postal-address} unless set)
 */
@ConfigurationProperties("complaints.letters")
public record LetterProperties(
        @DefaultValue("Example Organisation, Complaints, Postbus 1234, 1000 AB Amsterdam")
        String returnAddress) {

    /** The address's lines, the organisation's name (printed above them) left out when it comes first. */
    public List<String> returnAddressLines(String organisation) {
        List<String> lines = Arrays.stream(returnAddress.split("[,\\n]"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        return !lines.isEmpty() && lines.get(0).equals(organisation) ? lines.subList(1, lines.size()) : lines;
    }
}
