package org.complaints.complaintfile;

import jakarta.servlet.http.HttpServletRequest;
import org.complaints.engine.rest.StaffFormToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the complaint file page needs for its reopening and duplicate forms: which of them the viewer may use and
 * the session's form token the forms carry.
 */
@ControllerAdvice(assignableTypes = ComplaintFilePages.class)
class ComplaintFileActionModel {

    private final ComplaintVisibility visibility;

    ComplaintFileActionModel(ComplaintVisibility visibility) {
        this.visibility = visibility;
    }

    @ModelAttribute
    void fileActions(HttpServletRequest request, Model model) {
        if (request.getRequestURI().matches(".*/staff/complaints/[^/]+")) {
            model.addAttribute("fileActionToken", StaffFormToken.of(request.getSession(true)));
            model.addAttribute("fileActionField", StaffFormToken.PARAMETER);
            try {
                ComplaintFileActions.Allowed allowed = ComplaintFileActions.allowed(visibility.viewer());
                model.addAttribute("fileMayReopen", allowed.reopen());
                model.addAttribute("fileMayLinkDuplicate", allowed.linkDuplicate());
            } catch (ResponseStatusException notStaff) {
                // the page itself answers 401 or 403 for this viewer
            }
        }
    }
}
