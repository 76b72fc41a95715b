package org.complaints.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Data-protection requests for people without an e-mail address, on PostgreSQL: a complainant who wrote by post
 * gets their export, with their letters, by reference and name, by phone (written differently) and by name and
 * postal address; a phone-only complainant's export has their calls; a name, a reference or an address alone, two
 * identifiers and a number several people share are refused with a readable problem; erasure by phone removes
 * the postal address, the letters' PDFs and every trace of the person; a representative's own data is exported
 * apart and erased on their request (after their waiting letter is posted, not while a legal hold lasts), the
 * complainant's case kept; the e-mail path answers as before. Every export is audited.
 */
class SubjectIdentificationPostgresIT extends PostgresApplicationTestSupport {

    private static final String EXPORT = "/api/staff/privacy/subject-access";

    private record Person(String name, String phone, String postalAddress) {}

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Dutch mobile number no other test uses, as the complainant wrote it. */
    private static String uniquePhone() {
        long number = ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
        String digits = Long.toString(number);
        return "+31 6 " + digits.substring(0, 4) + " " + digits.substring(4);
    }

    private static Person letterWriter() {
        String tag = tag();
        int house = ThreadLocalRandom.current().nextInt(1, 999);
        return new Person(
                "Aaltje Post" + tag,
                uniquePhone(),
                "Molenweg" + tag + " " + house + "\n" + tag.substring(0, 4) + " AB Ergens" + tag);
    }

    private Reply file(Map<String, Object> body) {
        body.put("language", "nl");
        body.put("productOrService", "Home delivery");
        body.put("description", "The parcel was left in the rain, every page of the book is wet " + tag());
        body.put("consent", true);
        Reply filed = publicCall(HttpMethod.POST, "/api/complaints", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed;
    }

    /** Filed through the public API with a postal address and a phone number, no e-mail; prefers post. */
    private String fileByPost(Person person) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", person.name());
        body.put("phone", person.phone());
        body.put("postalAddress", person.postalAddress());
        body.put("preferredContact", "post");
        String reference = file(body).json().path("reference").asText();
        awaitLetter(reference, "acknowledgement");
        return reference;
    }

    private long awaitLetter(String reference, String kind) throws Exception {
        return await(
                "the " + kind + " letter of " + reference,
                processInstanceOf(reference),
                () -> jdbc.sql("select id from cmp_letter where reference = ? and kind = ? and pdf is not null")
                        .params(reference, kind)
                        .query(Long.class)
                        .optional()
                        .orElse(null));
    }

    private void post(long letterId) {
        Reply posted = appCall("intake", HttpMethod.POST, "/api/staff/letters/" + letterId + "/posted", null);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
    }

    /** The export with its query encoded as a browser would (a phone's "+" stays a plus). */
    private Reply export(String user, Map<String, String> query) throws Exception {
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + EXPORT + "?" + encoded))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/problem+json")
                .GET()
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static List<String> references(Reply export) {
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        return export.json().path("complaints").findValuesAsText("reference");
    }

    private void assertRefused(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().path("type").asText())
                .isEqualTo("urn:complaints:problem:" + (status == 400 ? "invalid" : "not-found"));
        assertThat(reply.json().path("detail").asText()).contains(detail);
    }

    @Test
    void aComplainantWithoutEmailGetsTheirExportWithLettersAndCallsByReferencePhoneOrAddress() throws Exception {
        Person writer = letterWriter();
        String letterRef = fileByPost(writer);
        String token = (String) complaintRow(letterRef).get("tracking_token");

        // by reference and name, the name written with other capitals and spaces
        Reply byReference = export(
                "manager",
                Map.of(
                        "references",
                        letterRef.toLowerCase(),
                        "name",
                        "  " + writer.name().toUpperCase() + " "));
        assertThat(references(byReference)).containsExactly(letterRef);
        JsonNode json = byReference.json();
        SubjectAccessShape.check(json);
        assertThat(json.path("email").isNull()).isTrue();
        assertThat(json.at("/identifiedBy/kind").asText()).isEqualTo("reference-and-name");
        assertThat(json.path("asRepresentative")).isEmpty();
        JsonNode complaint = json.path("complaints").get(0);
        assertThat(complaint.path("postalAddress").asText()).isEqualTo(writer.postalAddress());
        assertThat(complaint.path("complainantEmail").isNull()).isTrue();
        JsonNode letter = complaint.path("letters").get(0);
        assertThat(letter.path("kind").asText()).isEqualTo("acknowledgement");
        assertThat(letter.path("language").asText()).isEqualTo("nl");
        assertThat(letter.path("body").asText()).contains(letterRef);
        assertThat(letter.path("postedAt").isNull()).isTrue();
        // the status page's link is cut out of the letters' text as out of the e-mails
        assertThat(byReference.body()).doesNotContain(token);
        assertThat(letter.path("body").asText()).contains("[status page token removed]");
        assertThat(jdbc.sql("""
                select count(*) from cmp_audit a join cmp_complaint c on c.id = a.complaint_id
                where c.reference = ? and a.actor = 'manager' and a.action = 'privacy.SUBJECT_ACCESS_EXPORTED'
                    and a.payload like '%reference-and-name%'""").param(letterRef).query(Integer.class).single()).isEqualTo(1);

        // posted: the export says when and by whom
        post(awaitLetter(letterRef, "acknowledgement"));
        // by phone, written with other punctuation than on the letter
        String otherwiseWritten = writer.phone().replace("+31 6 ", "+31-6-").replace(" ", ".");
        Reply byPhone = export("manager", Map.of("phone", otherwiseWritten));
        assertThat(references(byPhone)).containsExactly(letterRef);
        assertThat(byPhone.json().at("/complaints/0/letters/0/postedBy").asText())
                .isEqualTo("intake");
        SubjectAccessShape.check(byPhone.json());

        // by name and postal address, the lines joined by commas
        Reply byAddress = export(
                "manager",
                Map.of(
                        "name",
                        writer.name(),
                        "postalAddress",
                        writer.postalAddress().replace("\n", ", ")));
        assertThat(references(byAddress)).containsExactly(letterRef);
        assertThat(references(
                        export("manager", Map.of("name", writer.name(), "postalAddress", "Elders 1, 9999 ZZ Nergens"))))
                .isEmpty();

        // someone else, reached only by phone, on the same number: the number alone no longer says who
        Map<String, Object> caller = new LinkedHashMap<>();
        String callerName = "Bram Bel" + tag();
        caller.put("name", callerName);
        caller.put("phone", writer.phone().replace(" ", ""));
        caller.put("preferredContact", "phone");
        String callRef = file(caller).json().path("reference").asText();
        await(
                "the acknowledgement call of " + callRef,
                processInstanceOf(callRef),
                () -> jdbc.sql("select id from cmp_call where reference = ?")
                        .param(callRef)
                        .query(Long.class)
                        .optional()
                        .orElse(null));
        assertRefused(export("manager", Map.of("phone", writer.phone())), 400, "2 different names");
        assertThat(references(export("manager", Map.of("phone", writer.phone(), "name", writer.name()))))
                .containsExactly(letterRef);
        Reply calls = export("manager", Map.of("phone", writer.phone(), "name", callerName));
        assertThat(references(calls)).containsExactly(callRef);
        JsonNode call = calls.json().at("/complaints/0/calls/0");
        assertThat(call.path("kind").asText()).isEqualTo("acknowledgement");
        assertThat(call.path("script").asText()).contains(callRef);
        assertThat(call.path("outcome").isNull()).isTrue();
        SubjectAccessShape.check(calls.json());

        // too weak, two at once, not matching, unknown: refused, saying what to send
        assertRefused(export("manager", Map.of("name", writer.name())), 400, "a name alone");
        assertRefused(export("manager", Map.of("references", letterRef)), 400, "a reference alone");
        assertRefused(
                export("manager", Map.of("postalAddress", writer.postalAddress())), 400, "a postal address alone");
        assertRefused(
                export("manager", Map.of("references", letterRef, "name", callerName)),
                400,
                letterRef + " was not filed under this name");
        assertRefused(
                export("manager", Map.of("phone", writer.phone(), "email", "aaltje@example.net")),
                400,
                "one identifier per request");
        assertRefused(export("manager", Map.of("phone", "12 34")), 400, "not a phone number");
        assertRefused(
                export(
                        "manager",
                        Map.of(
                                "references",
                                "CMP-2099-"
                                        + (900000 + ThreadLocalRandom.current().nextInt(99999)),
                                "name",
                                writer.name())),
                404,
                "CMP-2099-");
        assertRefused(export("manager", Map.of()), 400, "Identify the person");
        assertThat(export("handler", Map.of("references", letterRef, "name", writer.name()))
                        .status())
                .isEqualTo(403);

        // the e-mail path as before: the address, and the complaints filed with it
        String email = "web." + tag() + "@example.net";
        String webRef = fileComplaint("Wim Web", email, null, "The web shop charged me twice for one order.")
                .path("reference")
                .asText();
        Reply byEmail = export("manager", Map.of("email", email.toUpperCase()));
        assertThat(references(byEmail)).containsExactly(webRef);
        assertThat(byEmail.json().path("email").asText()).isEqualTo(email.toUpperCase());
        assertThat(byEmail.json().at("/identifiedBy/kind").asText()).isEqualTo("email");
        assertRefused(export("manager", Map.of("email", "nonsense")), 400, "email: give");
    }

    @Test
    void erasureByPhoneRemovesTheAddressAndTheLettersAndARepresentativeIsErasedApart() throws Exception {
        Person writer = letterWriter();
        String letterRef = fileByPost(writer);
        post(awaitLetter(letterRef, "acknowledgement"));

        // a letter intake registers with the start form, from a representative who has no e-mail address: the
        // form's fields stay in the engine's history after registration
        Person representative = letterWriter();
        String clientName = "Cornelia Cliënt" + tag();
        Reply started = post(
                "intake",
                "/process-definition/key/complaint-handling/submit-form",
                Map.of(
                        "variables",
                        variables(
                                "channel",
                                "letter",
                                "complainantName",
                                clientName,
                                "complainantEmail",
                                "client." + tag() + "@example.net",
                                "preferredLanguage",
                                "nl",
                                "productOrService",
                                "Home delivery " + tag(),
                                "description",
                                "My neighbour writes for me: the parcel was thrown over the fence.",
                                "severity",
                                "medium",
                                "impact",
                                "individual",
                                "category",
                                "delivery",
                                "safetyRelevant",
                                false,
                                "representativeName",
                                representative.name(),
                                "representativePhone",
                                representative.phone(),
                                "representativePostalAddress",
                                representative.postalAddress(),
                                "representativeRelation",
                                "neighbour",
                                "representativeConsent",
                                true)));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String representedRef = get(
                        "quality",
                        "/process-instance/" + started.json().path("id").asText())
                .json()
                .path("businessKey")
                .asText();
        long waiting = awaitLetter(representedRef, "acknowledgement");
        assertThat(jdbc.sql("select count(*) from act_hi_varinst where name_ = 'representativeName' and text_ = ?")
                        .param(representative.name())
                        .query(Integer.class)
                        .single())
                .as("the start form's field in the engine's history")
                .isPositive();

        // the representative's own data is exported apart, not the complainant's case
        Reply asRepresentative = export("manager", Map.of("phone", representative.phone()));
        assertThat(references(asRepresentative)).isEmpty();
        JsonNode entry = asRepresentative.json().path("asRepresentative").get(0);
        assertThat(entry.path("reference").asText()).isEqualTo(representedRef);
        assertThat(entry.path("representativePostalAddress").asText()).isEqualTo(representative.postalAddress());
        assertThat(asRepresentative.body()).doesNotContain(clientName);
        SubjectAccessShape.checkListedKeys(asRepresentative.json());

        // their letter still waits: it goes out first, nothing is erased meanwhile
        Map<String, Object> byRepresentativePhone =
                Map.of("phone", representative.phone(), "reason", "Erasure request by letter of the neighbour");
        Reply early = appCall("manager", HttpMethod.POST, "/api/staff/privacy/erasures", byRepresentativePhone);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().path("detail").asText()).contains(representedRef, "Nothing was erased");
        assertThat(complaintRow(representedRef).get("representative_name")).isEqualTo(representative.name());
        post(waiting);

        // a legal hold keeps the representative's data too
        Reply hold = appCall(
                "manager",
                HttpMethod.PUT,
                "/api/staff/complaints/" + representedRef + "/legal-hold",
                Map.of("held", true, "reason", "Court case 2026/777"));
        assertThat(hold.status()).as(hold.body()).isEqualTo(200);
        Reply held = appCall("manager", HttpMethod.POST, "/api/staff/privacy/erasures", byRepresentativePhone);
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.json().path("held").toString()).contains(representedRef, "Court case 2026/777");
        assertThat(held.json().path("representativeErased")).isEmpty();
        assertThat(complaintRow(representedRef).get("representative_phone")).isEqualTo(representative.phone());
        appCall(
                "manager",
                HttpMethod.PUT,
                "/api/staff/complaints/" + representedRef + "/legal-hold",
                Map.of("held", false));

        Reply repErased = appCall("manager", HttpMethod.POST, "/api/staff/privacy/erasures", byRepresentativePhone);
        assertThat(repErased.status()).as(repErased.body()).isEqualTo(200);
        assertThat(repErased.json().path("representativeErased").toString()).contains(representedRef);
        assertThat(repErased.json().path("erased")).isEmpty();
        Map<String, Object> client = complaintRow(representedRef);
        assertThat(client.get("representative_name")).isNull();
        assertThat(client.get("representative_postal_address")).isNull();
        assertThat(client.get("complainant_name")).isEqualTo(clientName);
        assertThat(client.get("anonymised_at")).isNull();
        assertThat(jdbc.sql("select count(*) from cmp_letter where reference = ? and pdf is not null")
                        .param(representedRef)
                        .query(Integer.class)
                        .single())
                .isZero();

        // the letter writer asks by phone: their complaint is anonymised, address and letters' PDFs gone
        Reply refusedWeak = appCall(
                "manager",
                HttpMethod.POST,
                "/api/staff/privacy/erasures",
                Map.of("name", writer.name(), "reason", "Erasure request by letter"));
        assertRefused(refusedWeak, 400, "a name alone");
        assertThat(complaintRow(letterRef).get("anonymised_at")).isNull();
        Reply erased = appCall(
                "manager",
                HttpMethod.POST,
                "/api/staff/privacy/erasures",
                Map.of("phone", writer.phone().replace(" ", "-"), "reason", "Erasure request by letter"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("erased").toString()).contains(letterRef);
        Map<String, Object> row = complaintRow(letterRef);
        assertThat(row.get("postal_address")).isNull();
        assertThat(row.get("complainant_phone")).isNull();
        assertThat(row.get("anonymised_at")).isNotNull();
        Map<String, Object> letter = jdbc.sql("""
                select count(*) as letters, count(pdf) as pdfs, count(body) as bodies, count(posted_at) as posted
                from cmp_letter where reference = ?""").param(letterRef).query().singleRow();
        assertThat(letter)
                .as("the posted letter stays as a record that it went, without PDF or text")
                .containsEntry("letters", 1L)
                .containsEntry("posted", 1L)
                .containsEntry("pdfs", 0L)
                .containsEntry("bodies", 0L);

        // neither the letter writer nor the representative is left anywhere in the database
        String dump = dumpAllTables();
        for (Person gone : List.of(writer, representative)) {
            List<String> secrets = new java.util.ArrayList<>(List.of(gone.name(), gone.phone()));
            secrets.addAll(List.of(gone.postalAddress().split("\n")));
            for (String secret : secrets) {
                assertThat(dump).as("dump contains " + secret).doesNotContain(secret);
            }
        }
        assertThat(dump).contains(clientName);
    }

    /** Every row of every table of the database, as PostgreSQL prints it. */
    private String dumpAllTables() {
        List<String> tables = jdbc.sql("""
                select table_schema || '.' || table_name from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""").query(String.class).list();
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            for (String row : jdbc.sql("select t::text from " + table + " t")
                    .query(String.class)
                    .list()) {
                dump.append(table).append(": ").append(row).append('\n');
            }
        }
        return dump.toString();
    }
}
