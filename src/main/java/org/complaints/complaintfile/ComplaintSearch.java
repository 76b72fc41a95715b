package org.complaints.complaintfile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.ComplaintStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff search over open and closed complaints (ISO 10002 7.3), filtered in the database to the complaints
 * the caller may see. What is typed in {@code q} decides the column: a reference, an e-mail address or a phone
 * number is matched exactly (through indexes, at once at a million complaints), anything else as words of the
 * name, the product or service and the description (PostgreSQL's full-text index; H2 falls back to LIKE).
 * Personal data of an anonymised complaint is matched by nothing, so a search never brings it back.
 */
@Service
public class ComplaintSearch {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    /**
     * Counting stops here: an exact total of words found in most complaints would read every match, while a page
     * of the newest ones needs only its first rows. Past it the total is a lower bound ({@code totalCapped}).
     */
    public static final int TOTAL_CAP = 1000;

    /** A whole reference; a shorter start of one ({@code CMP-2026-0004}) is looked up as a prefix. */
    private static final Pattern REFERENCE = Pattern.compile("(?i)CMP-\\d{4}-\\d{6}");

    private static final Pattern REFERENCE_START = Pattern.compile("(?i)CMP-(\\d{1,4}(-\\d{0,5})?)?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{6,40}");

    /** Sort keys (a leading '-' for descending) and their columns. */
    private static final Map<String, String> SORTS = Map.of(
            "received", "c.received_at",
            "reference", "c.reference",
            "deadline", "c.response_deadline",
            "closed", "c.closed_at");

    /**
     * Columns that are never null sort without a NULLS clause, so that PostgreSQL reads their index in order and
     * stops after the page instead of sorting every match.
     */
    private static final Set<String> NOT_NULL = Set.of("c.received_at", "c.reference");

    /** The query parameters, as the API and the page take them (names are a contract other pages link to). */
    public record Query(
            String q,
            String stage,
            String priority,
            String handlingGroup,
            String channel,
            String category,
            String outcome,
            Boolean overdue,
            String receivedFrom,
            String receivedTo,
            String sort,
            Integer page,
            Integer size) {}

    /** One complaint found; {@code complainantName} is null for a viewer who does not see contact details. */
    public record Item(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(description = "Its stage", example = "INVESTIGATION")
            String stage,

            @Schema(description = "Whether it is open", example = "true")
            boolean open,

            @Schema(description = "Its priority", example = "normal")
            String priority,

            @Schema(description = "The group handling it", example = "complaint-handlers")
            String handlingGroup,

            @Schema(description = "How it came in", example = "web")
            String channel,

            @Schema(description = "Its category", example = "delivery")
            String category,

            @Schema(description = "The decision's outcome, if decided")
            String outcome,

            @Schema(description = "The product or service", example = "Parcel delivery")
            String productOrService,

            @Schema(
                    description = "The complainant's name; null when withheld from the reader",
                    example = "Sanne Bakker")
            String complainantName,

            @Schema(description = "When it was received", example = "2026-03-02T09:15:00Z")
            Instant receivedAt,

            @Schema(description = "The committed date for the decision", example = "2026-03-16T17:00:00Z")
            Instant responseDeadline,

            @Schema(description = "Whether a committed date has passed", example = "false")
            boolean overdue,

            @Schema(description = "When it was closed") Instant closedAt,

            @Schema(description = "Its process instance id", example = "b8f3c2a1-1d2e-11f0-9c0a-0242ac120002")
            String processInstanceId) {}

    /**
     * One page; {@code total} counts the matches up to {@link #TOTAL_CAP}; with {@code totalCapped} more than
     * {@code total} match and counting stopped there.
     */
    public record Result(
            @Schema(description = "The complaints of this page")
            List<Item> items,

            @Schema(
                    description = "Complaints found, counted up to " + TOTAL_CAP + "; see totalCapped",
                    example = "1000")
            long total,

            @Schema(
                    description = "true: more than `total` complaints match; counting stopped at " + TOTAL_CAP
                            + " so that a search for common words stays fast",
                    example = "false")
            boolean totalCapped,

            @Schema(description = "The page number, from 0", example = "0")
            int page,

            @Schema(description = "Complaints per page", example = "25")
            int size,

            @Schema(description = "The order applied", example = "-received")
            String sort) {}

    private final JdbcClient jdbc;
    private final ComplaintVisibility visibility;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean postgres;

    ComplaintSearch(
            JdbcClient jdbc,
            ComplaintVisibility visibility,
            Clock clock,
            DeadlineProperties deadlines,
            DataSource dataSource) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.clock = clock;
        this.zone = deadlines.zone();
        this.postgres = isPostgres(dataSource);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * On PostgreSQL each statement is planned for its own values: a plan made once for any word would read the
     * newest complaints in order, which is right for a common word and a scan of the whole register for a rare one.
     */
    @Transactional(readOnly = true)
    public Result search(Viewer viewer, Query query) {
        List<String> problems = new ArrayList<>();
        int page = query.page() == null ? 0 : query.page();
        int size = query.size() == null ? DEFAULT_SIZE : query.size();
        if (page < 0) {
            problems.add("page: counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add("size: between 1 and " + MAX_SIZE);
        }
        String sort = blank(query.sort()) ? "-received" : query.sort().trim();
        String sortColumn = SORTS.get(sort.startsWith("-") ? sort.substring(1) : sort);
        if (sortColumn == null) {
            problems.add("sort: one of "
                    + String.join(", ", SORTS.keySet().stream().sorted().toList())
                    + ", with a leading - for descending");
        }
        ComplaintVisibility.Condition visible = visibility.condition(viewer);
        List<String> where = new ArrayList<>();
        where.add(visible.sql());
        Map<String, Object> params = new HashMap<>(visible.params());
        if (!blank(query.q())) {
            where.add(textCondition(query.q().trim(), params));
        }
        if (!blank(query.stage())) {
            String stage = query.stage().trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(ComplaintStage.values()).noneMatch(s -> s.name().equals(stage))) {
                problems.add("stage: one of " + Arrays.toString(ComplaintStage.values()));
            }
            where.add("c.stage = :stage");
            params.put("stage", stage);
        }
        equal(where, params, "priority", "c.priority", query.priority());
        equal(where, params, "handlingGroup", "c.handling_group", query.handlingGroup());
        equal(where, params, "channel", "c.channel", query.channel());
        equal(where, params, "category", "c.category", query.category());
        equal(where, params, "outcome", "c.outcome", query.outcome());
        Instant now = clock.instant();
        params.put("now", OffsetDateTime.ofInstant(now, zone));
        if (Boolean.TRUE.equals(query.overdue())) {
            where.add("c.closed_at is null and c.response_deadline < :now");
        } else if (Boolean.FALSE.equals(query.overdue())) {
            where.add("not (c.closed_at is null and c.response_deadline is not null and c.response_deadline < :now)");
        }
        LocalDate from = date("receivedFrom", query.receivedFrom(), problems);
        LocalDate to = date("receivedTo", query.receivedTo(), problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("receivedTo: on or after receivedFrom");
        }
        if (from != null) {
            where.add("c.received_at >= :receivedFrom");
            params.put("receivedFrom", from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            where.add("c.received_at < :receivedTo");
            params.put("receivedTo", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String condition = String.join(" and ", where);
        if (postgres) {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
        params.put("countLimit", TOTAL_CAP + 1);
        long counted = jdbc.sql("select count(*) from (select 1 from cmp_complaint c where " + condition
                        + " fetch first :countLimit rows only) matches")
                .params(params)
                .query(Long.class)
                .single();
        boolean capped = counted > TOTAL_CAP;
        long total = Math.min(counted, TOTAL_CAP);
        String order = sortColumn + (sort.startsWith("-") ? " desc" : " asc")
                + (postgres && !NOT_NULL.contains(sortColumn) ? " nulls last" : "")
                + ", c.id desc";
        params.put("offset", (long) page * size);
        params.put("size", size);
        boolean names = viewer.seesContact();
        List<Item> items = jdbc.sql(
                        """
                        select c.reference, c.stage, c.priority, c.handling_group, c.channel, c.category, c.outcome,
                               c.product_or_service, c.complainant_name, c.received_at, c.response_deadline,
                               c.closed_at, c.process_instance_id
                        from cmp_complaint c where """ + condition + " order by " + order + " offset :offset rows fetch next :size rows only")
                .params(params)
                .query((rs, n) -> {
                    Instant deadline = instant(rs.getObject("response_deadline", OffsetDateTime.class));
                    Instant closed = instant(rs.getObject("closed_at", OffsetDateTime.class));
                    return new Item(
                            rs.getString("reference"),
                            rs.getString("stage"),
                            closed == null,
                            rs.getString("priority"),
                            rs.getString("handling_group"),
                            rs.getString("channel"),
                            rs.getString("category"),
                            rs.getString("outcome"),
                            rs.getString("product_or_service"),
                            names ? rs.getString("complainant_name") : null,
                            instant(rs.getObject("received_at", OffsetDateTime.class)),
                            deadline,
                            closed == null && deadline != null && deadline.isBefore(now),
                            closed,
                            rs.getString("process_instance_id"));
                })
                .list();
        return new Result(items, total, capped, page, size, sort);
    }

    /** What {@code q} looks like decides where it is looked for; personal data only while it is still held. */
    private String textCondition(String q, Map<String, Object> params) {
        if (REFERENCE.matcher(q).matches()) {
            params.put("qReference", q.toUpperCase(Locale.ROOT));
            // references are stored in upper case: the unique index finds them
            return "c.reference = :qReference";
        }
        if (REFERENCE_START.matcher(q).matches()) {
            // the start of a reference: a range of the reference index (PostgreSQL: its pattern index)
            params.put("qReferenceStart", q.toUpperCase(Locale.ROOT) + "%");
            return "c.reference like :qReferenceStart";
        }
        String held = "c.anonymised_at is null and ";
        if (q.contains("@")) {
            params.put("qEmail", q.toLowerCase(Locale.ROOT));
            return "(" + held + "lower(c.complainant_email) = :qEmail)";
        }
        if (PHONE.matcher(q).matches() && q.chars().filter(Character::isDigit).count() >= 6) {
            // digits only: "+31 6 1234 5678" and "31612345678" are the same number
            params.put("qPhone", q.replaceAll("[^0-9]", ""));
            String digits = postgres
                    ? "regexp_replace(c.complainant_phone, '[^0-9]', '', 'g')"
                    : "regexp_replace(c.complainant_phone, '[^0-9]', '')";
            return "(" + held + digits + " = :qPhone)";
        }
        if (postgres) {
            params.put("qWords", q);
            return "(" + held + "to_tsvector('simple', coalesce(c.complainant_name, '') || ' ' "
                    + "|| coalesce(c.product_or_service, '') || ' ' || coalesce(c.description, '')) "
                    + "@@ plainto_tsquery('simple', :qWords))";
        }
        List<String> words = Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isBlank())
                .toList();
        List<String> each = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String name = "qWord" + i;
            params.put(
                    name,
                    "%" + words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            each.add("(lower(c.complainant_name) like :" + name + " escape '!' or lower(c.product_or_service) like :"
                    + name + " escape '!' or lower(c.description) like :" + name + " escape '!')");
        }
        return "(" + held + String.join(" and ", each) + ")";
    }

    private static void equal(
            List<String> where, Map<String, Object> params, String name, String column, String value) {
        if (!blank(value)) {
            where.add(column + " = :" + name);
            params.put(name, value.trim());
        }
    }

    private static LocalDate date(String name, String value, List<String> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(name + ": a date as YYYY-MM-DD");
            return null;
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            return "PostgreSQL"
                    .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            return false;
        }
    }
}
