package org.complaints.apidocs;

/**
 * The error answers the description shares between operations, for {@code @ApiResponse(ref = ...)} on the
 * controllers: each names what an operation can refuse, {@link ProblemResponses} describes each once (problem
 * details with their {@code urn:complaints:problem:*} types and an example).
 */
public final class ApiErrors {

    private static final String RESPONSES = "#/components/responses/";

    /** 400 on the complainants' API: invalid fields (listed in {@code errors}) or a body that cannot be read. */
    public static final String INVALID = RESPONSES + "Invalid";
    /** 404 on the complainants' API: unknown reference or wrong tracking token (told apart from neither). */
    public static final String NOT_FOUND = RESPONSES + "NotFound";
    /** 409 on the complainants' API: not possible now ({@code Retry-After}), closed, or already answered. */
    public static final String NOT_POSSIBLE = RESPONSES + "NotPossible";
    /** 413: the request or its attachments are too large. */
    public static final String TOO_LARGE = RESPONSES + "TooLarge";
    /** 422: the Idempotency-Key was used for a different complaint. */
    public static final String KEY_REUSED = RESPONSES + "IdempotencyKeyReused";
    /** 429: too many complaints from one address this minute ({@code Retry-After}). */
    public static final String TOO_MANY = RESPONSES + "TooMany";
    /** 404 of the survey: unknown link. */
    public static final String SURVEY_UNKNOWN = RESPONSES + "SurveyUnknown";
    /** 409 of the survey: already answered. */
    public static final String SURVEY_ANSWERED = RESPONSES + "SurveyAnswered";
    /** 410 of the survey: closed. */
    public static final String SURVEY_EXPIRED = RESPONSES + "SurveyExpired";

    /** 400 on the staff API: bad input, with the reason in {@code detail}. */
    public static final String STAFF_INVALID = RESPONSES + "StaffInvalid";
    /** 401 on the staff API: no or wrong HTTP Basic credentials. */
    public static final String UNAUTHORIZED = RESPONSES + "Unauthorized";
    /** 403 on the staff API: not in the groups the operation needs, or the complaint is not the caller's to see. */
    public static final String FORBIDDEN = RESPONSES + "Forbidden";
    /** 404 on the staff API: nothing with this reference or id. */
    public static final String STAFF_NOT_FOUND = RESPONSES + "StaffNotFound";
    /** 409 on the staff API: a concurrent change, or a state that does not allow it. */
    public static final String STAFF_CONFLICT = RESPONSES + "StaffConflict";

    /** The security scheme of the staff API in the description. */
    public static final String STAFF_SECURITY = "staffBasic";

    private ApiErrors() {}
}
