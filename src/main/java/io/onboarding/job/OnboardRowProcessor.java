package io.onboarding.job;

import io.onboarding.csv.CustomerRow;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.RowResult;
import io.onboarding.provisioning.CustomerProvisioner;
import io.onboarding.validation.FieldError;
import io.onboarding.validation.RowValidation;
import io.onboarding.validation.RowValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns one CSV row into its outcome: validate, then provision (or, in a dry run, stop at "valid"). Every
 * row gets an outcome — a bad row or a failed call is recorded, never thrown, so one row cannot stop
 * the file.
 */
class OnboardRowProcessor implements ItemProcessor<CustomerRow, RowResult> {

    private static final Logger log = LoggerFactory.getLogger(OnboardRowProcessor.class);

    private final RowValidator validator;
    private final CustomerProvisioner provisioner;
    private final Map<Long, Long> duplicateOf;
    private final boolean dryRun;
    private final long runId;

    /**
     * @param duplicateOf line of a row → line of the earlier valid row with the same domain, found by
     *     the checkFile step
     */
    OnboardRowProcessor(RowValidator validator, CustomerProvisioner provisioner, Map<Long, Long> duplicateOf,
            boolean dryRun, long runId) {
        this.validator = validator;
        this.provisioner = provisioner;
        this.duplicateOf = Map.copyOf(duplicateOf);
        this.dryRun = dryRun;
        this.runId = runId;
    }

    @Override
    public RowResult process(CustomerRow row) {
        RowValidation validation = validator.validate(row);
        String warnings = validation.warnings().isEmpty() ? null : join(validation.warnings());
        RowResult result = outcome(row, validation);
        return result.with(warnings, result.outcome().needsAttention() ? row.cells() : List.of());
    }

    private RowResult outcome(CustomerRow row, RowValidation validation) {
        String domain = validation.customerDomain() != null ? validation.customerDomain() : trimmed(row.customerDomain());
        Long firstLine = duplicateOf.get(row.line());
        if (firstLine != null) {
            List<FieldError> problems = new ArrayList<>();
            problems.add(new FieldError("customerDomain", "'" + domain + "' already appears on line " + firstLine
                    + " of this file; only that row is processed"));
            problems.addAll(validation.problems());
            return rejected(row, domain, Outcome.DUPLICATE_IN_FILE, problems);
        }
        if (!validation.isValid()) {
            Outcome outcome = validation.countryRefusal() != null ? Outcome.COUNTRY_NOT_ALLOWED : Outcome.INVALID;
            return rejected(row, domain, outcome, validation.problems());
        }
        if (dryRun) {
            return new RowResult(row.line(), domain, validation.customer().externalId(), Outcome.VALID, null,
                    validation.customer().adminEmail(), null, null, null, null);
        }
        try {
            return provisioner.provision(validation.customer(), runId);
        } catch (RuntimeException e) {
            // A bug or an unforeseen answer must cost this row only, and say so.
            log.error("line {}: unexpected error while onboarding {}", row.line(), validation.customer(), e);
            return new RowResult(row.line(), domain, validation.customer().externalId(), Outcome.FAILED, null, null,
                    "unexpectedError", "Unexpected error (" + e.getClass().getSimpleName()
                            + "); see the application log for line " + row.line(), null, null);
        }
    }

    private static RowResult rejected(CustomerRow row, String domain, Outcome outcome, List<FieldError> problems) {
        String fields = problems.stream().map(FieldError::field).distinct().collect(Collectors.joining(" "));
        return new RowResult(row.line(), domain, trimmed(row.externalId()), outcome, null, null, fields, join(problems),
                null, null);
    }

    private static String join(List<FieldError> problems) {
        return problems.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }

    private static String trimmed(String cell) {
        return cell == null ? null : cell.strip();
    }
}
