package io.onboarding.job;

import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.csv.CustomerRow;
import io.onboarding.validation.DuplicateDomains;
import io.onboarding.validation.RowValidation;
import io.onboarding.validation.RowValidator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step of a run: reads the whole file once, before any call, to find rows that repeat an earlier
 * valid row's domain. The answer is kept in the job's context, so a restarted run sees the same one.
 */
class CheckFileTasklet implements Tasklet {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CheckFileTasklet.class);

    /** Key, in the job execution context, of the encoded duplicate map. */
    static final String DUPLICATES = "check.duplicates";

    private final RowValidator validator;
    private final Path input;

    CheckFileTasklet(RowValidator validator, Path input) {
        this.validator = validator;
        this.input = input;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        DuplicateDomains domains = new DuplicateDomains();
        Map<Long, Long> duplicateOf = new HashMap<>();
        try (CustomerCsvFile file = CustomerCsvFile.open(input)) {
            for (CustomerRow row = file.next(); row != null; row = file.next()) {
                long line = row.line();
                try {
                    RowValidation validation = validator.validate(row);
                    domains.record(line, validation.customerDomain(), validation.isValid())
                            .ifPresent(first -> duplicateOf.put(line, first));
                } catch (RuntimeException e) {
                    // The row will be reported when it is processed; it must not stop the file here.
                    log.error("line {}: unexpected error while checking for duplicates", line, e);
                }
            }
        }
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putString(DUPLICATES, encode(duplicateOf));
        return RepeatStatus.FINISHED;
    }

    /** {@code line=first;line=first}: a plain string, which every execution-context serializer keeps. */
    static String encode(Map<Long, Long> duplicateOf) {
        return duplicateOf.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(";"));
    }

    static Map<Long, Long> decode(String encoded) {
        Map<Long, Long> duplicateOf = new HashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split(";")) {
                String[] parts = pair.split("=");
                duplicateOf.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        }
        return duplicateOf;
    }
}
