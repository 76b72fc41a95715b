package org.complaints.intake.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The other ways to complain, on every page of the complaint form and the privacy notice. */
@ControllerAdvice(assignableTypes = {PublicPagesController.class, PrivacyNoticePage.class})
class PublicContact {

    private final ContactProperties contact;

    PublicContact(ContactProperties contact) {
        this.contact = contact;
    }

    @ModelAttribute
    void contact(Model model) {
        model.addAttribute("contact", contact);
    }
}
