package io.onboarding.job;

import io.onboarding.ledger.RowResult;
import io.onboarding.ledger.RowResultRepository;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Records each chunk's outcomes in the chunk's own transaction, together with the reader's checkpoint (a real run;
 * a dry run's go to {@link DryRunReportWriter}).
 */
class RowResultWriter implements ItemStreamWriter<RowResult> {

    private final RowResultRepository repository;
    private final long runId;

    RowResultWriter(RowResultRepository repository, long runId) {
        this.repository = repository;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends RowResult> chunk) {
        repository.saveAll(runId, chunk.getItems());
    }
}
