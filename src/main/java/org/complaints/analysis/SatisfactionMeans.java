package org.complaints.analysis;

/**
 * The satisfaction survey's mean scores over a period (ISO 10002 8.3), for objectives; implemented where the
 * survey lives.
 */
public interface SatisfactionMeans {

    /** Mean satisfaction with how the complaint was handled (1-5) and how many answers it rests on. */
    Measure.Value process(ReportPeriod period);

    /** Mean satisfaction with the outcome (1-5) and how many answers it rests on. */
    Measure.Value outcome(ReportPeriod period);
}
