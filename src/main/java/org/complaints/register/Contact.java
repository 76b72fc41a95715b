package org.complaints.register;

/** Who complained and how to reach them: name, e-mail, phone and the language they are answered in (ISO 10002 7.2). */
public record Contact(String name, String email, String phone, String language) {}
