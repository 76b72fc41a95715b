package org.complaints.complaintfile;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.complaints.analysis.EvidenceRecords;
import org.complaints.audit.AuditLog;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.intake.Attachment;
import org.complaints.intake.AttachmentPolicy;
import org.complaints.register.AccessMarkings;
import org.complaints.register.AttachmentRegister;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.complaints.register.Representative;
import org.complaints.tracking.ComplaintStatusService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Builds the complaint file from the register (so it stays whole after the engine's history is cleaned up) and
 * the running process (open tasks), serves and takes its attachments. Reading contact details or an attachment
 * is recorded in the audit log with who and when (ISO 10002 4.7; GDPR accountability).
 */
@Service
public class ComplaintFiles {

    /** Event types the file shows with their full text from another table instead of the event's summary. */
    private static final Set<String> SHOWN_WITH_TEXT = Set.of("MAIL_SENT", "INFORMATION_ADDED");

    private static final int RELATED_SHOWN = 10;

    private final ComplaintRegister register;
    private final EvidenceRecords evidence;
    private final ComplaintVisibility visibility;
    private final AttachmentRegister attachments;
    private final AttachmentPolicy attachmentPolicy;
    private final EventLog events;
    private final AuditLog audit;
    private final ComplaintStatusService status;
    private final EngineAuthority authority;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DuplicatesOnFile duplicates;
    private final FileActions actions;

    ComplaintFiles(
            ComplaintRegister register,
            EvidenceRecords evidence,
            ComplaintVisibility visibility,
            AttachmentRegister attachments,
            AttachmentPolicy attachmentPolicy,
            EventLog events,
            AuditLog audit,
            ComplaintStatusService status,
            EngineAuthority authority,
            TaskService tasks,
            RuntimeService runtime,
            HistoryService history,
            JdbcClient jdbc,
            Clock clock,
            DuplicatesOnFile duplicates,
            FileActions actions) {
        this.register = register;
        this.evidence = evidence;
        this.visibility = visibility;
        this.attachments = attachments;
        this.attachmentPolicy = attachmentPolicy;
        this.events = events;
        this.audit = audit;
        this.status = status;
        this.authority = authority;
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
        this.duplicates = duplicates;
        this.actions = actions;
    }

    /** The file of {@code reference} as {@code viewer} may see it; 404 unknown, 403 not theirs to see. */
    @Transactional
    public ComplaintFile read(Viewer viewer, String reference) {
        Complaint complaint = register.getByReference(normalise(reference));
        AccessMarkings markings = register.accessMarkings(complaint.id());
        visibility.require(viewer, markings);
        EvidenceRecords.EvidenceRecord record = evidence.gather(complaint, markings);
        boolean showContact = viewer.seesContact();
        if (showContact && !markings.anonymised()) {
            audit.append(
                    complaint.id(),
                    markings.processInstanceId(),
                    viewer.user(),
                    "complaintfile.CONTACT_READ",
                    "complaint-file",
                    null,
                    Map.of("reference", complaint.reference()));
        }
        boolean running = running(complaint.processInstanceId());
        Instant committed = authority.withoutAuthorization(() -> status.committedDate(complaint));
        Instant now = clock.instant();
        return new ComplaintFile(
                complaint.reference(),
                complaint.stage().name(),
                !complaint.isClosed(),
                new ComplaintFile.Receipt(
                        complaint.channel(), complaint.receivedAt(), complaint.receivedBy(), complaint.language()),
                showContact
                        ? new ComplaintFile.Contact(
                                complaint.complainantName(),
                                complaint.complainantEmail(),
                                complaint.complainantPhone(),
                                complaint.language(),
                                complaint.postalAddress(),
                                complaint.preferredContact(),
                                representative(complaint.representative()))
                        : null,
                !showContact,
                new ComplaintFile.Subject(
                        complaint.productOrService(),
                        complaint.description(),
                        complaint.incidentDate(),
                        complaint.remedySought()),
                new ComplaintFile.Assessment(
                        complaint.severity(),
                        complaint.impact(),
                        complaint.category(),
                        complaint.safetyRelevant(),
                        complaint.priority(),
                        complaint.handlingGroup(),
                        complaint.inScope(),
                        complaint.scopeReason(),
                        complaint.rootCause(),
                        complaint.relatedCount()),
                new ComplaintFile.Dates(
                        complaint.acknowledgedAt(),
                        complaint.responseDeadline(),
                        complaint.deadlineRevisedAt(),
                        committed,
                        !complaint.isClosed() && committed != null && committed.isBefore(now),
                        complaint.decidedAt(),
                        complaint.closedAt()),
                new ComplaintFile.Outcome(
                        complaint.outcome(),
                        complaint.reviewRound(),
                        complaint.externalReferral(),
                        complaint.closureReason()),
                new ComplaintFile.Markings(markings.confidential(), markings.legalHold(), markings.anonymised()),
                new ComplaintFile.Process(complaint.processInstanceId(), running),
                running ? openTasks(complaint.processInstanceId()) : List.of(),
                timeline(complaint, record),
                record.decisions().stream()
                        .map(d -> new ComplaintFile.DecisionRound(
                                d.round(),
                                d.outcome(),
                                d.remedy(),
                                d.monetaryRemedy(),
                                d.reasons(),
                                d.proposedBy(),
                                d.proposedAt(),
                                d.approvalRequired(),
                                d.approvedBy(),
                                d.approvedAt(),
                                d.decidedAt(),
                                d.communicatedAt()))
                        .toList(),
                attachmentsOf(complaint.id()),
                related(viewer, complaint, markings),
                record.correctiveActions().stream()
                        .map(a -> new ComplaintFile.CorrectiveActionLink(
                                a.reference(), a.status().name(), a.trigger().name(), a.openedAt()))
                        .toList(),
                record.survey(),
                // the actions on a complaint (messages, notes, contact correction, reopening, duplicates) come here
                actions.available(viewer, complaint, markings),
                FileActions.notes(record),
                duplicates.duplicateOf(viewer, complaint.id()),
                duplicates.of(viewer, complaint.id()),
                new ComplaintFile.Communication(
                        complaint.addressee().preferredContact(),
                        complaint.representative() != null,
                        complaint.accessibilityNeeds(),
                        complaint.accessibilityNote()));
    }

    private static ComplaintFile.Representative representative(Representative r) {
        return r == null
                ? null
                : new ComplaintFile.Representative(
                        r.name(), r.email(), r.phone(), r.postalAddress(), r.relation(), r.consentRecorded());
    }

    /** A stored attachment, read by a viewer who may see its complaint; the reading is audited. */
    public record AttachmentContent(String fileName, String contentType, byte[] content) {}

    @Transactional
    public AttachmentContent attachment(Viewer viewer, String reference, long attachmentId) {
        Complaint complaint = register.getByReference(normalise(reference));
        AccessMarkings markings = register.accessMarkings(complaint.id());
        visibility.require(viewer, markings);
        AttachmentContent content = jdbc.sql("""
                        select file_name, content_type, content from cmp_attachment where id = ? and complaint_id = ?""")
                .params(attachmentId, complaint.id())
                .query((rs, n) -> new AttachmentContent(
                        rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional()
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "Complaint " + complaint.reference() + " has no attachment " + attachmentId));
        audit.append(
                complaint.id(),
                markings.processInstanceId(),
                viewer.user(),
                "complaintfile.ATTACHMENT_READ",
                "attachment:" + attachmentId,
                null,
                Map.of("reference", complaint.reference(), "attachment", attachmentId));
        return content;
    }

    /** Adds documents a member of staff received (a scanned letter), checked like the public form's uploads. */
    @Transactional
    public List<ComplaintFile.AttachmentInfo> addAttachments(
            Viewer viewer, String reference, List<AttachmentPolicy.Upload> uploads) {
        Complaint complaint = register.getByReference(normalise(reference));
        AccessMarkings markings = register.accessMarkings(complaint.id());
        visibility.require(viewer, markings);
        if (!viewer.addsAttachments()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Quality managers read complaints; they do not add to them.");
        }
        if (markings.anonymised()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Complaint " + complaint.reference()
                            + " was anonymised: its personal data and documents are gone and nothing can be added.");
        }
        List<Attachment> accepted = attachmentPolicy.check(uploads);
        if (accepted.isEmpty()) {
            throw new InvalidInputException("attachments: choose at least one file");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (Attachment attachment : accepted) {
            long id = attachments.add(
                    complaint.id(),
                    attachment.fileName(),
                    attachment.contentType(),
                    attachment.content(),
                    at,
                    viewer.user());
            events.append(
                    complaint.id(),
                    "ATTACHMENT_ADDED",
                    viewer.user(),
                    "Attachment added by staff: " + attachment.fileName(),
                    attachment.contentType() + ", " + attachment.content().length + " bytes, attachment " + id);
        }
        return attachmentsOf(complaint.id());
    }

    private boolean running(String processInstanceId) {
        return processInstanceId != null
                && authority.withoutAuthorization(() -> runtime.createProcessInstanceQuery()
                                .processInstanceId(processInstanceId)
                                .count()
                        > 0);
    }

    /** The viewer may see the complaint, so its open tasks are shown whoever they are offered to. */
    private List<ComplaintFile.OpenTask> openTasks(String processInstanceId) {
        return authority.withoutAuthorization(() -> {
            List<ComplaintFile.OpenTask> open = new ArrayList<>();
            for (Task task : tasks.createTaskQuery()
                    .processInstanceId(processInstanceId)
                    .orderByTaskCreateTime()
                    .asc()
                    .list()) {
                List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                        .map(IdentityLink::getGroupId)
                        .filter(group -> group != null)
                        .sorted()
                        .toList();
                open.add(new ComplaintFile.OpenTask(
                        task.getId(),
                        task.getName(),
                        task.getTaskDefinitionKey(),
                        task.getAssignee(),
                        groups,
                        task.getCreateTime() == null
                                ? null
                                : task.getCreateTime().toInstant(),
                        task.getDueDate() == null ? null : task.getDueDate().toInstant()));
            }
            return open;
        });
    }

    private List<ComplaintFile.TimelineEntry> timeline(Complaint complaint, EvidenceRecords.EvidenceRecord record) {
        List<ComplaintFile.TimelineEntry> entries = new ArrayList<>();
        for (EvidenceRecords.Step step : record.timeline()) {
            if (!SHOWN_WITH_TEXT.contains(step.event().type())) {
                entries.add(new ComplaintFile.TimelineEntry(
                        step.event().occurredAt(),
                        step.event().type(),
                        step.event().actor(),
                        step.event().summary(),
                        step.event().detail(),
                        step.clause()));
            }
        }
        entries.addAll(endedTasks(complaint.processInstanceId(), entries));
        // a reopened complaint's earlier process instances: their tasks are part of its history too
        for (String earlier : duplicates.earlierProcessInstances(complaint.id())) {
            entries.addAll(endedTasks(earlier, entries));
        }
        record.mails()
                .forEach(mail -> entries.add(new ComplaintFile.TimelineEntry(
                        mail.sentAt(),
                        "MAIL_OUT",
                        null,
                        mail.subject() + " (" + mail.template() + ", " + mail.language() + ")",
                        mail.body(),
                        null)));
        jdbc.sql("""
                        select queued_at, template, subject, body, status from cmp_mail_outbox
                        where complaint_id = ? and status <> 'SENT' order by id""")
                .param(complaint.id())
                .query((rs, n) -> new ComplaintFile.TimelineEntry(
                        rs.getObject("queued_at", OffsetDateTime.class).toInstant(),
                        "MAIL_QUEUED",
                        null,
                        rs.getString("subject") + " (" + rs.getString("template") + ", " + rs.getString("status") + ")",
                        rs.getString("body"),
                        null))
                .list()
                .forEach(entries::add);
        jdbc.sql("""
                        select added_at, channel, content from cmp_added_information where complaint_id = ? order by id""")
                .param(complaint.id())
                .query((rs, n) -> new ComplaintFile.TimelineEntry(
                        rs.getObject("added_at", OffsetDateTime.class).toInstant(),
                        "INFORMATION_ADDED",
                        null,
                        "Information added by the complainant (" + rs.getString("channel") + ")",
                        rs.getString("content"),
                        null))
                .list()
                .forEach(entries::add);
        jdbc.sql("""
                        select received_at, outcome from cmp_inbound_mail where complaint_id = ? order by received_at""")
                .param(complaint.id())
                .query((rs, n) -> new ComplaintFile.TimelineEntry(
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        "MAIL_IN",
                        null,
                        "E-mail received: " + rs.getString("outcome"),
                        null,
                        null))
                .list()
                .forEach(entries::add);
        entries.sort(Comparator.comparing(ComplaintFile.TimelineEntry::at));
        return entries;
    }

    /**
     * Every task of the complaint that ended, with who completed it (the engine's operation log names the person
     * even when the task was never claimed), from the engine's history while it is kept; a task whose diagram
     * records its completion in the event log is shown once, from there.
     */
    private List<ComplaintFile.TimelineEntry> endedTasks(
            String processInstanceId, List<ComplaintFile.TimelineEntry> recorded) {
        if (processInstanceId == null) {
            return List.of();
        }
        return authority.withoutAuthorization(() -> {
            Map<String, String> completedBy = new HashMap<>();
            history.createUserOperationLogQuery()
                    .processInstanceId(processInstanceId)
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                    .list()
                    .forEach(entry -> {
                        if (entry.getTaskId() != null && entry.getUserId() != null) {
                            completedBy.put(entry.getTaskId(), entry.getUserId());
                        }
                    });
            List<ComplaintFile.TimelineEntry> ended = new ArrayList<>();
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .finished()
                    .list()) {
                String actor = completedBy.getOrDefault(task.getId(), task.getAssignee());
                String summary = task.getName() + " completed";
                boolean inEventLog = recorded.stream()
                        .anyMatch(e -> "TASK_COMPLETED".equals(e.type()) && summary.equals(e.summary()));
                if (!inEventLog) {
                    boolean completed = task.getDeleteReason() == null || "completed".equals(task.getDeleteReason());
                    ended.add(new ComplaintFile.TimelineEntry(
                            task.getEndTime().toInstant(),
                            "TASK_ENDED",
                            actor,
                            completed ? summary : task.getName() + " ended: " + task.getDeleteReason(),
                            null,
                            null));
                }
            }
            return ended;
        });
    }

    private List<ComplaintFile.AttachmentInfo> attachmentsOf(long complaintId) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, added_by, added_at from cmp_attachment
                        where complaint_id = ? order by id""")
                .param(complaintId)
                .query((rs, n) -> new ComplaintFile.AttachmentInfo(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getInt("size_bytes"),
                        rs.getString("added_by"),
                        rs.getObject("added_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Earlier complaints of the same complainant or about the same product, as far as the viewer may see them. */
    private List<ComplaintFile.RelatedComplaint> related(Viewer viewer, Complaint complaint, AccessMarkings markings) {
        if (markings.anonymised()) {
            return List.of();
        }
        List<Long> ids = register.findRelated(complaint, Instant.EPOCH, RELATED_SHOWN).stream()
                .map(Complaint::id)
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        ComplaintVisibility.Condition condition = visibility.condition(viewer);
        return jdbc.sql("select reference, stage, received_at, product_or_service from cmp_complaint c"
                        + " where c.id in (:relatedIds) and " + condition.sql() + " order by received_at desc")
                .params(condition.params())
                .param("relatedIds", ids)
                .query((rs, n) -> new ComplaintFile.RelatedComplaint(
                        rs.getString("reference"),
                        rs.getString("stage"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        rs.getString("product_or_service")))
                .list();
    }

    static String normalise(String reference) {
        return reference == null ? "" : reference.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
