package org.complaints.survey;

import java.time.Instant;

/**
 * A survey link that cannot be used, and why: unknown (never issued, mistyped, or its complainant anonymised),
 * expired, or already answered. Carries the survey's language and dates where known, so the refusal can be
 * explained in the complainant's language; never the complaint itself.
 */
public class SurveyRefusedException extends RuntimeException {

    public enum Reason {
        /** 404: no survey has this link */
        UNKNOWN,
        /** 410: the link's validity period is over */
        EXPIRED,
        /** 409: the survey was answered; the first answers stay */
        ANSWERED
    }

    private final Reason reason;
    private final String language;
    private final Instant when;

    SurveyRefusedException(Reason reason, String language, Instant when) {
        super(
                switch (reason) {
                    case UNKNOWN -> "No survey has this link";
                    case EXPIRED -> "The survey link expired at " + when;
                    case ANSWERED -> "The survey was answered at " + when + "; a link can be used once";
                });
        this.reason = reason;
        this.language = language;
        this.when = when;
    }

    public Reason reason() {
        return reason;
    }

    /** The survey's language; null for an unknown link. */
    public String language() {
        return language;
    }

    /** When the link expired (EXPIRED) or the survey was answered (ANSWERED); null for an unknown link. */
    public Instant when() {
        return when;
    }

    public int httpStatus() {
        return switch (reason) {
            case UNKNOWN -> 404;
            case EXPIRED -> 410;
            case ANSWERED -> 409;
        };
    }
}
