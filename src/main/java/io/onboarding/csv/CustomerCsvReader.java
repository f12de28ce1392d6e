package io.onboarding.csv;

import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Spring Batch reader of a customer CSV. Its position (rows read) is saved with each committed chunk,
 * so a restarted run continues after the last checkpoint.
 */
public class CustomerCsvReader extends AbstractItemCountingItemStreamItemReader<CustomerRow> {

    private final Path path;
    private CustomerCsvFile file;

    public CustomerCsvReader(Path path) {
        this.path = path;
        setName("customerCsvReader");
    }

    @Override
    protected void doOpen() {
        file = CustomerCsvFile.open(path);
    }

    @Override
    protected CustomerRow doRead() {
        return file.next();
    }

    @Override
    protected void doClose() {
        if (file != null) {
            file.close();
            file = null;
        }
    }
}
