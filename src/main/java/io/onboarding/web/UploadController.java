package io.onboarding.web;

import io.onboarding.job.RunSummary;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.RowResultRepository;
import io.onboarding.logging.LogText;
import io.onboarding.report.RunReportWriter;
import io.onboarding.runs.RunAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload a CSV, see at once what is wrong with it (a dry run), then start it. */
@Controller
@ConditionalOnWebApplication
class UploadController {

    private static final Logger log = LoggerFactory.getLogger(UploadController.class);
    static final int PREVIEWED_REJECTS = 20;

    private final Uploads uploads;
    private final ConsoleRuns runs;
    private final RowResultRepository results;

    UploadController(Uploads uploads, ConsoleRuns runs, RowResultRepository results) {
        this.uploads = uploads;
        this.runs = runs;
        this.results = results;
    }

    @GetMapping("/")
    String uploadPage(@RequestParam(name = "fixes", required = false) Long fixes, Model model) {
        model.addAttribute("fixes", fixes);
        return "upload";
    }

    @PostMapping("/uploads")
    String upload(@RequestParam("file") MultipartFile file, Principal operator, Model model) throws IOException {
        String problem = Uploads.nameProblem(file.getOriginalFilename());
        if (problem == null && file.isEmpty()) {
            problem = "The file '" + Uploads.displayName(file.getOriginalFilename()) + "' is empty.";
        }
        if (problem != null) {
            log.info("Console: operator {} uploaded a refused file: {}", operator.getName(), LogText.escape(problem));
            return refused(model, problem);
        }
        Upload upload;
        try (InputStream in = file.getInputStream()) {
            upload = uploads.store(file.getOriginalFilename(), in);
        }
        log.info("Console: operator {} uploaded {} as {}", operator.getName(), LogText.escape(upload.originalName()),
                upload.id());
        RunAnswer preview = runs.preview(upload);
        if (preview.summary() == null) {
            // Nothing will read a refused file again, and it may hold passwords.
            uploads.delete(upload);
            // The same words as the command line's: the file cannot be read as it is. The operator knows the
            // file by the name it had on their computer, not by the server's.
            return refused(model, preview.problem().replace(upload.file().toString(), "'" + upload.originalName() + "'"));
        }
        return "redirect:/uploads/" + upload.id();
    }

    private static String refused(Model model, String problem) {
        model.addAttribute("problem", "Nothing was started: " + problem.replaceFirst("^Nothing was started: ", ""));
        return "upload";
    }

    @GetMapping("/uploads/{id}")
    String preview(@PathVariable String id, Model model) {
        Upload upload = uploads.find(id).orElseThrow(() -> notFound(id));
        RunSummary preview = runs.latestOf(upload, true).orElseThrow(() -> notFound(id));
        model.addAttribute("upload", upload);
        model.addAttribute("preview", preview);
        model.addAttribute("rejects", results.page(preview.runId(), Arrays.stream(Outcome.values())
                .filter(Outcome::needsAttention).toList(), 0, PREVIEWED_REJECTS));
        model.addAttribute("started", runs.latestOf(upload, false).isPresent());
        return "preview";
    }

    @GetMapping("/uploads/{id}/rejects.csv")
    ResponseEntity<FileSystemResource> previewRejects(@PathVariable String id) {
        Upload upload = uploads.find(id).orElseThrow(() -> notFound(id));
        RunSummary preview = runs.latestOf(upload, true).orElseThrow(() -> notFound(id));
        return Downloads.csv(Path.of(preview.resultsFile()).resolveSibling(RunReportWriter.REJECTS_FILE),
                baseName(upload) + "-rejects.csv");
    }

    @PostMapping("/uploads/{id}/start")
    String start(@PathVariable String id, Principal operator) {
        Upload upload = uploads.find(id).orElseThrow(() -> notFound(id));
        runs.start(upload, operator.getName());
        return "redirect:/uploads/" + id + "/run";
    }

    /**
     * Where the run of an upload is; while it is being created, a page that looks again in a second; when the start
     * was refused, why.
     */
    @GetMapping("/uploads/{id}/run")
    String run(@PathVariable String id, Model model, RedirectAttributes redirect) {
        Upload upload = uploads.find(id).orElseThrow(() -> notFound(id));
        Optional<RunAnswer> refused = runs.refusedStart(upload);
        if (refused.isPresent() && refused.get() instanceof RunAnswer.AlreadyComplete complete
                && complete.summary() != null) {
            redirect.addFlashAttribute("message", "This file (same name and content) was already processed "
                    + "completely in run " + complete.summary().runId() + ". Nothing was sent to Google again.");
            return "redirect:/runs/" + complete.summary().runId();
        }
        if (refused.isPresent() && refused.get().problem() != null) {
            model.addAttribute("problem", refused.get().problem());
            return "upload";
        }
        return runs.latestOf(upload, false).map(run -> "redirect:/runs/" + run.runId()).orElseGet(() -> {
            model.addAttribute("upload", upload);
            return "starting";
        });
    }

    static String baseName(Upload upload) {
        return upload.originalName().replaceFirst("(?i)\\.csv$", "").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No upload " + id);
    }
}
