package org.complaints.letters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.complaints.complaintfile.Viewer;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.rest.StaffFormToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The print queue as a page (/staff/letters), where the "Post letters" task leads: the waiting letters, each to
 * download and to mark posted (a form with the page's token, {@link StaffFormToken}), in the staff member's
 * language.
 */
@Controller
class LetterPages {

    private final PrintQueue queue;
    private final DeadlineProperties deadlines;

    LetterPages(PrintQueue queue, DeadlineProperties deadlines) {
        this.queue = queue;
        this.deadlines = deadlines;
    }

    @GetMapping("/staff/letters")
    String letters(@RequestParam(required = false) Long posted, Model model, HttpServletRequest request) {
        Viewer viewer = queue.poster();
        model.addAttribute("user", viewer.user());
        model.addAttribute("letters", queue.waiting(viewer));
        model.addAttribute("zone", deadlines.zone());
        model.addAttribute("posted", posted);
        model.addAttribute("csrfField", StaffFormToken.PARAMETER);
        model.addAttribute("csrfToken", StaffFormToken.of(request.getSession(true)));
        return "staff/letters";
    }

    /** After the POST a redirect, so that reloading the page does not post the form again. */
    @PostMapping("/staff/letters/{id}/posted")
    String posted(@PathVariable long id, HttpServletRequest request) {
        StaffFormToken.require(request);
        queue.markPosted(queue.poster(), id);
        return "redirect:/staff/letters?posted=" + id;
    }

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Model model, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("message", e.getReason());
        return "staff/problem";
    }
}
