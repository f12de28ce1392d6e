package io.onboarding.job;

import io.onboarding.csv.CustomerCsvFile;
import io.onboarding.csv.CustomerRow;
import io.onboarding.validation.DuplicateDomains;
import io.onboarding.validation.RowValidation;
import io.onboarding.validation.RowValidator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step of a run: reads the whole file before any call to find rows that repeat an earlier valid
 * row's domain. The answer is kept in the job's context, so a restarted run sees the same one.
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
        Set<Long> repeated = linesOfRepeatedDomains();
        Map<Long, Long> duplicateOf = repeated.isEmpty() ? Map.of() : duplicatesAmong(repeated);
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putString(DUPLICATES, encode(duplicateOf));
        return RepeatStatus.FINISHED;
    }

    /**
     * First pass, on the domain alone: the lines whose domain appears more than once. Only those can be
     * duplicates, and only those need a full validation to tell which occurrence is the first valid one.
     */
    private Set<Long> linesOfRepeatedDomains() {
        Map<String, Long> firstLine = new HashMap<>();
        Set<Long> repeated = new HashSet<>();
        try (CustomerCsvFile file = CustomerCsvFile.open(input)) {
            for (CustomerRow row = file.next(); row != null; row = file.next()) {
                try {
                    String domain = validator.customerDomain(row);
                    Long first = domain == null ? null : firstLine.putIfAbsent(domain, row.line());
                    if (first != null) {
                        repeated.add(first);
                        repeated.add(row.line());
                    }
                } catch (RuntimeException e) {
                    // The row will be reported when it is processed; it must not stop the file here.
                    log.error("line {}: unexpected error while checking for duplicates", row.line(), e);
                }
            }
        }
        return repeated;
    }

    /** Second pass, over the repeated domains' lines only, in file order: which repeat an earlier valid row. */
    private Map<Long, Long> duplicatesAmong(Set<Long> lines) {
        DuplicateDomains domains = new DuplicateDomains();
        Map<Long, Long> duplicateOf = new HashMap<>();
        try (CustomerCsvFile file = CustomerCsvFile.open(input)) {
            for (CustomerRow row = file.next(); row != null; row = file.next()) {
                long line = row.line();
                if (!lines.contains(line)) {
                    continue;
                }
                try {
                    RowValidation validation = validator.validate(row);
                    domains.record(line, validator.customerDomain(row), validation.isValid())
                            .ifPresent(first -> duplicateOf.put(line, first));
                } catch (RuntimeException e) {
                    log.error("line {}: unexpected error while checking for duplicates", line, e);
                }
            }
        }
        return duplicateOf;
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
