package org.complaints.complaintfile;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.ComplaintNotFoundException;
import org.complaints.register.ComplaintStage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The complaint file and the search as pages for people, in the staff member's language and the organisation's
 * time zone. With {@code embedded=true} the page leaves out its header, for the Tasklist tab and the Cockpit
 * route that frame it (these two pages, and only they, may be framed by the application's own pages).
 */
@Controller
class ComplaintFilePages {

    private final ComplaintFiles files;
    private final ComplaintSearch search;
    private final ComplaintVisibility visibility;
    private final List<CallsToMake> calls;

    ComplaintFilePages(
            ComplaintFiles files, ComplaintSearch search, ComplaintVisibility visibility, List<CallsToMake> calls) {
        this.files = files;
        this.search = search;
        this.visibility = visibility;
        this.calls = List.copyOf(calls);
    }

    @GetMapping("/staff/complaints")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String handlingGroup,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String receivedFrom,
            @RequestParam(required = false) String receivedTo,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(defaultValue = "false") boolean embedded,
            Model model,
            HttpServletResponse response) {
        Viewer viewer = visibility.viewer();
        ComplaintSearch.Query query = new ComplaintSearch.Query(
                q,
                stage,
                priority,
                handlingGroup,
                channel,
                category,
                outcome,
                overdue,
                receivedFrom,
                receivedTo,
                sort,
                page,
                size);
        common(model, viewer, embedded);
        model.addAttribute("query", query);
        model.addAttribute("stages", List.of(ComplaintStage.values()));
        model.addAttribute("filters", SearchFilters.values());
        try {
            ComplaintSearch.Result result = search.search(viewer, query);
            model.addAttribute("result", result);
            long pages = (result.total() + result.size() - 1) / result.size();
            model.addAttribute("pages", pages);
            // past the counted matches there may be more pages than the count shows: offer the next one while a
            // page comes back full
            model.addAttribute(
                    "hasNext",
                    result.page() + 1 < pages
                            || result.totalCapped() && result.items().size() == result.size());
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "staff/complaints";
    }

    @GetMapping("/staff/complaints/{reference}")
    String file(@PathVariable String reference, @RequestParam(defaultValue = "false") boolean embedded, Model model) {
        Viewer viewer = visibility.viewer();
        common(model, viewer, embedded);
        model.addAttribute("addsAttachments", viewer.addsAttachments());
        ComplaintFile file = files.read(viewer, reference);
        model.addAttribute("file", file);
        // the calls to make, for those who see the contact details: the call task's Complaint tab shows this page
        model.addAttribute(
                "callsToMake",
                file.contact() == null
                        ? List.of()
                        : calls.stream()
                                .flatMap(c -> c.open(file.reference()).stream())
                                .toList());
        return "staff/complaint-file";
    }

    private void common(Model model, Viewer viewer, boolean embedded) {
        model.addAttribute("user", viewer.user());
        model.addAttribute("embedded", embedded);
        model.addAttribute("zone", search.zone());
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    String notFound(ComplaintNotFoundException e, Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Model model, HttpServletResponse response) {
        return problem(model, response, e.getStatusCode().value(), e.getReason());
    }

    private static String problem(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "staff/problem";
    }
}
