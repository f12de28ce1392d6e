package io.onboarding.job;

import io.onboarding.csv.CustomerRow;
import io.onboarding.ledger.Outcome;
import io.onboarding.ledger.RowResult;
import io.onboarding.provisioning.CustomerProvisioner;
import io.onboarding.validation.FieldError;
import io.onboarding.validation.RowValidation;
import io.onboarding.validation.RowValidator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns one CSV row into its outcome: validate, then provision. Every row gets an outcome — a bad row
 * or a failed call is recorded, never thrown, so one row cannot stop the file.
 */
class OnboardRowProcessor implements ItemProcessor<CustomerRow, RowResult> {

    private static final Logger log = LoggerFactory.getLogger(OnboardRowProcessor.class);

    private final RowValidator validator;
    private final CustomerProvisioner provisioner;

    OnboardRowProcessor(RowValidator validator, CustomerProvisioner provisioner) {
        this.validator = validator;
        this.provisioner = provisioner;
    }

    @Override
    public RowResult process(CustomerRow row) {
        RowValidation validation = validator.validate(row);
        if (!validation.isValid()) {
            return new RowResult(row.line(), trimmed(row.customerDomain()), trimmed(row.externalId()), Outcome.INVALID,
                    null, null,
                    validation.errors().stream().map(FieldError::field).distinct().collect(Collectors.joining(" ")),
                    validation.errors().stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        }
        try {
            return provisioner.provision(validation.customer());
        } catch (RuntimeException e) {
            // A bug or an unforeseen answer must cost this row only, and say so.
            log.error("line {}: unexpected error while onboarding {}", row.line(), validation.customer(), e);
            return new RowResult(row.line(), validation.customer().customerDomain(), validation.customer().externalId(),
                    Outcome.FAILED, null, null, "unexpectedError",
                    "Unexpected error (" + e.getClass().getSimpleName() + "); see the application log for line "
                            + row.line());
        }
    }

    private static String trimmed(String cell) {
        return cell == null ? null : cell.strip();
    }
}
