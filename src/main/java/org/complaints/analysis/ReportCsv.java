package org.complaints.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.complaints.analysis.PerformanceReport.ObjectiveResult;
import org.complaints.analysis.PerformanceReport.ParetoBar;
import org.complaints.analysis.PerformanceReport.StageCompliance;
import org.complaints.improvement.CorrectiveActionFigures;
import org.complaints.survey.SatisfactionReport;

/**
 * A performance report as CSV for spreadsheets (RFC 4180, comma-separated): one table, the columns
 * section, item, series, value, so every figure of the page is one row a pivot table can take apart.
 */
final class ReportCsv {

    private final Writer out;

    private ReportCsv(Writer out) {
        this.out = out;
    }

    static void write(PerformanceReport report, Writer out) {
        new ReportCsv(out).report(report);
    }

    private void report(PerformanceReport r) {
        row("section", "item", "series", "value");
        row("period", "from", "", r.period().from());
        row("period", "to", "", r.period().to());
        row("period", "time zone", "", r.period().zone());
        row("totals", "received", "", r.totals().received());
        row("totals", "closed", "", r.totals().closed());
        row("totals", "still open", "", r.totals().stillOpen());
        row("totals", "in scope", "", r.totals().inScope());
        row("totals", "out of scope", "", r.totals().outOfScope());
        row("totals", "not a complaint", "", r.totals().notAComplaint());
        row("totals", "decided", "", r.totals().decided());
        row("totals", "withdrawn", "", r.totals().withdrawn());
        row("totals", "reopened in the period", "", r.totals().reopened());
        series("received by channel", r.received().buckets(), r.received().byChannel());
        series("received by category", r.received().buckets(), r.received().byCategory());
        series(
                "received by product or service",
                r.received().buckets(),
                r.received().byProduct());
        row("time to acknowledge", "complaints", "", r.timeToAcknowledge().count());
        row("time to acknowledge", "median hours", "", r.timeToAcknowledge().medianHours());
        row(
                "time to acknowledge",
                "90th percentile hours",
                "",
                r.timeToAcknowledge().p90Hours());
        row("time to decide", "complaints", "", r.timeToDecide().count());
        row("time to decide", "median hours", "", r.timeToDecide().medianHours());
        row("time to decide", "90th percentile hours", "", r.timeToDecide().p90Hours());
        for (StageCompliance stage : r.sla()) {
            row("time limits", stage.stage(), "met", stage.met());
            row("time limits", stage.stage(), "missed", stage.missed());
            row("time limits", stage.stage(), "pending", stage.pending());
            row("time limits", stage.stage(), "percent met", stage.percentMet());
        }
        r.outcomes().forEach((k, v) -> row("outcomes", k, "", v));
        r.closureReasons().forEach((k, v) -> row("closure reasons", k, "", v));
        row("rates", "out of scope %", "", r.rates().outOfScope());
        row("rates", "not a complaint %", "", r.rates().notAComplaint());
        row("rates", "not upheld %", "", r.rates().notUpheld());
        row("rates", "decision rejected %", "", r.rates().decisionRejected());
        row("rates", "internal review %", "", r.rates().internalReview());
        row("rates", "external referral %", "", r.rates().externalReferral());
        row("rates", "withdrawn %", "", r.rates().withdrawn());
        row("backlog", "open at " + r.backlog().asOf(), "", r.backlog().total());
        r.backlog().byAge().forEach((k, v) -> row("backlog", k, "", v));
        pareto("recurring causes", r.recurringCauses());
        pareto("recurring categories", r.recurringCategories());
        satisfaction(r.satisfaction());
        correctiveActions(r.correctiveActions());
        for (ObjectiveResult objective : r.objectives()) {
            row("objectives", objective.name(), "target (" + objective.comparison() + ")", objective.target());
            row("objectives", objective.name(), "measured", objective.value());
            row("objectives", objective.name(), "basis", objective.basis());
            row(
                    "objectives",
                    objective.name(),
                    "met",
                    objective.met() == null ? "no data" : objective.met() ? "yes" : "no");
        }
        flush();
    }

    private void satisfaction(SatisfactionReport s) {
        row("satisfaction", "invited", "", s.invited());
        row("satisfaction", "sent", "", s.sent());
        row("satisfaction", "not sent yet", "", s.pending());
        row("satisfaction", "not delivered", "", s.failed());
        row("satisfaction", "answered", "", s.answered());
        row("satisfaction", "response rate", "", s.responseRate());
        score("handling", s.handling());
        score("outcome", s.outcome());
        score("ease of complaining", s.ease());
        s.byOutcome().forEach((outcome, g) -> {
            row("satisfaction by outcome", outcome, "answered", g.answered());
            row("satisfaction by outcome", outcome, "handling mean", g.handlingMean());
            row("satisfaction by outcome", outcome, "outcome mean", g.outcomeMean());
            row("satisfaction by outcome", outcome, "ease mean", g.easeMean());
        });
    }

    private void score(String question, SatisfactionReport.Score score) {
        row("satisfaction", question, "answers", score.answers());
        row("satisfaction", question, "mean", score.mean());
        score.distribution().forEach((value, n) -> row("satisfaction", question, "score " + value, n));
    }

    private void correctiveActions(CorrectiveActionFigures.Summary c) {
        row("corrective actions", "opened", "", c.opened());
        c.openedByTrigger().forEach((k, v) -> row("corrective actions", "opened", "trigger " + k, v));
        c.openedByStatusNow().forEach((k, v) -> row("corrective actions", "opened", "status now " + k, v));
        row("corrective actions", "closed as effective", "", c.closedEffective());
        row("corrective actions", "median days to close", "", c.medianDaysToClose());
        row("corrective actions", "effectiveness checks", "", c.checks());
        row("corrective actions", "found not effective", "", c.checksNotEffective());
        c.openNowByStatus().forEach((k, v) -> row("corrective actions", "open now", k, v));
        row("corrective actions", "overdue now", "", c.overdueNow());
    }

    private void series(String section, List<String> buckets, Map<String, List<Long>> series) {
        series.forEach((name, values) -> {
            for (int i = 0; i < buckets.size(); i++) {
                row(section, buckets.get(i), name, values.get(i));
            }
        });
    }

    private void pareto(String section, List<ParetoBar> bars) {
        for (ParetoBar bar : bars) {
            row(section, bar.name(), "count", bar.count());
            row(section, bar.name(), "cumulative %", bar.cumulativePercent());
        }
    }

    private void row(Object... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs a cell as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
