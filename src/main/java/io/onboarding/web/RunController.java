package io.onboarding.web;

import io.onboarding.job.RunSummaries;
import io.onboarding.job.RunSummary;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.ProvisioningLedger;
import io.onboarding.ledger.RowResultRepository;
import io.onboarding.report.RunReportWriter;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** Every run, whoever started it (console, command line, cron, inbox): progress, results, downloads, actions. */
@Controller
@ConditionalOnWebApplication
class RunController {

    private static final int LISTED = 200;

    private final RunSummaries summaries;
    private final ConsoleRuns runs;
    private final RowResultRepository results;
    private final WebProperties properties;
    private final Uploads uploads;
    private final ProvisioningLedger ledger;

    RunController(RunSummaries summaries, ConsoleRuns runs, RowResultRepository results, WebProperties properties,
            Uploads uploads, ProvisioningLedger ledger) {
        this.uploads = uploads;
        this.ledger = ledger;
        this.summaries = summaries;
        this.runs = runs;
        this.results = results;
        this.properties = properties;
    }

    @GetMapping("/runs")
    String list(Model model) {
        model.addAttribute("runs", summaries.latest(LISTED));
        model.addAttribute("uncertainNotices", ledger.uncertainNotices());
        return "runs";
    }

    @GetMapping("/runs/{runId}")
    String run(@PathVariable long runId, @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "page", defaultValue = "0") long page, Model model) {
        RunSummary run = find(runId);
        ConsoleRuns.Progress progress = runs.progress(run);
        model.addAttribute("run", run);
        model.addAttribute("fileName", uploads.ofFile(run.inputFile()).map(upload -> upload.originalName() + " (uploaded)")
                .orElse(run.inputFile()));
        model.addAttribute("progress", progress);
        if (progress.finished()) {
            List<Outcome> filter = outcome != null && ConsoleRuns.isOutcome(outcome) ? List.of(Outcome.valueOf(outcome))
                    : List.of();
            int size = properties.pageSize();
            // A dry run keeps only its first rows to fix (its reports have every row): page through those.
            int rows = run.dryRun() ? results.stored(runId, filter)
                    : filter.isEmpty() ? run.rows() : run.counts().get(filter.get(0));
            int pages = Math.max(1, (int) ((rows + (long) size - 1) / size));
            if (page < 0 || page >= pages) {
                // Not a page of this run: a 404, never an offset that overflows into a server error.
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Run " + runId + " has " + pages + " page(s)");
            }
            int current = (int) page;
            model.addAttribute("results", results.page(runId, filter, current * size, size));
            model.addAttribute("outcome", filter.isEmpty() ? null : filter.get(0).name());
            model.addAttribute("page", current);
            model.addAttribute("pages", pages);
        }
        return "run";
    }

    /** What the run page's script polls while the run goes on. */
    @GetMapping(value = "/runs/{runId}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ConsoleRuns.Progress progress(@PathVariable long runId) {
        return runs.progress(find(runId));
    }

    @PostMapping("/runs/{runId}/stop")
    String stop(@PathVariable long runId, Principal operator, RedirectAttributes redirect) {
        find(runId);
        String problem = runs.stop(runId, operator.getName());
        redirect.addFlashAttribute("message", problem != null ? problem
                : "Run " + runId + " stops after its current chunk; restart it from here when you want.");
        return "redirect:/runs/" + runId;
    }

    @PostMapping("/runs/{runId}/restart")
    String restart(@PathVariable long runId, Principal operator, RedirectAttributes redirect) {
        RunSummary run = find(runId);
        if (run.status().isRunning()) {
            redirect.addFlashAttribute("message", "Run " + runId + " is still running.");
        } else {
            redirect.addFlashAttribute("message", runs.restart(runId, operator.getName())
                    .map(refusal -> refusal.replace(String.valueOf(run.inputFile()), "its file"))
                    .orElse("Run " + runId + " restarts from its last checkpoint."));
        }
        return "redirect:/runs/" + runId;
    }

    @GetMapping("/runs/{runId}/results.csv")
    ResponseEntity<FileSystemResource> resultsFile(@PathVariable long runId) {
        RunSummary run = find(runId);
        return Downloads.csv(run.resultsFile() == null ? null : Path.of(run.resultsFile()), "run" + runId + "-results.csv");
    }

    @GetMapping("/runs/{runId}/rejects.csv")
    ResponseEntity<FileSystemResource> rejectsFile(@PathVariable long runId) {
        RunSummary run = find(runId);
        return Downloads.csv(run.resultsFile() == null ? null
                : Path.of(run.resultsFile()).resolveSibling(RunReportWriter.REJECTS_FILE), "run" + runId + "-rejects.csv");
    }

    @GetMapping(value = "/runs/{runId}/summary.txt", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> summary(@PathVariable long runId) {
        RunSummary run = find(runId);
        StringBuilder text = new StringBuilder("Run " + run.runId() + (run.dryRun() ? " (dry run)" : "") + ": "
                + run.status() + "\n");
        run.failures().forEach(failure -> text.append("run failure: ").append(failure).append('\n'));
        text.append("file: " + run.inputFile() + "\nstarted: " + run.startTime() + "\nended: " + run.endTime()
                + "\nrows: " + run.rows() + ", to fix: " + run.rowsToFix() + "\n");
        run.counts().forEach((outcome, count) -> {
            if (count > 0) {
                text.append(String.format("  %-20s %d%n", outcome, count));
            }
        });
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"run" + runId + "-summary.txt\"")
                .body(text.toString());
    }

    private RunSummary find(long runId) {
        RunSummary run = summaries.ofRun(runId);
        if (run == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No run " + runId);
        }
        return run;
    }
}
