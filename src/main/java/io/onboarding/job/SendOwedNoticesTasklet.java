package io.onboarding.job;

import io.onboarding.ledger.ProvisioningRun;
import io.onboarding.notification.CustomerNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * After the rows: sends the notices still owed from earlier runs — the mail server was down, or a run
 * died between completing a customer and telling it — whichever file those customers came from.
 */
class SendOwedNoticesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SendOwedNoticesTasklet.class);

    private final CustomerNotices notices;
    private final boolean dryRun;
    private final ProvisioningRun run;

    SendOwedNoticesTasklet(CustomerNotices notices, boolean dryRun, ProvisioningRun run) {
        this.notices = notices;
        this.dryRun = dryRun;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!dryRun) {
            CustomerNotices.OwedNotices owed = notices.sendOwed(run);
            if (owed.sent() + owed.failed() + owed.uncertain() > 0) {
                log.info("Owed notices from earlier: {} sent, {} still failing (tried again next run), {} cut short "
                        + "by a crash (not sent again by themselves)", owed.sent(), owed.failed(), owed.uncertain());
            }
        }
        return RepeatStatus.FINISHED;
    }
}
