package org.complaints.security;

import java.util.Arrays;
import java.util.List;

/** Staff a complaint names, as typed into a form: user ids separated by commas, semicolons or spaces. */
public final class NamedStaff {

    private NamedStaff() {
    }

    public static List<String> parse(String typed) {
        return typed == null ? List.of()
                : Arrays.stream(typed.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
