package se.scbdelivery.delivery;

import java.time.Clock;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Reads and writes a delivery's {@link DeliveryJournal} in the job's ExecutionContext, as
 * JSON so that it stays readable in the database and survives changes to the classes.
 * Every change is saved at once: inside a chunk it commits with the chunk.
 */
@Component
public class DeliveryJournals {

	static final String KEY = "scb.delivery.journal";

	private final JobRepository jobRepository;

	private final JsonMapper json;

	private final Clock clock;

	DeliveryJournals(JobRepository jobRepository, Clock clock) {
		this.jobRepository = jobRepository;
		this.json = JsonMapper.builder().findAndAddModules().build();
		this.clock = clock;
	}

	public DeliveryJournal read(JobExecution execution) {
		return parse(execution.getExecutionContext().getString(KEY, null));
	}

	DeliveryJournal parse(@Nullable String text) {
		return (text != null) ? this.json.readValue(text, DeliveryJournal.class) : DeliveryJournal.empty();
	}

	DeliveryJournal update(JobExecution execution, UnaryOperator<DeliveryJournal> change) {
		DeliveryJournal changed = change.apply(read(execution));
		execution.getExecutionContext().putString(KEY, this.json.writeValueAsString(changed));
		this.jobRepository.updateExecutionContext(execution);
		return changed;
	}

	DeliveryJournal note(JobExecution execution, JournalEntry.Kind kind, String message, @Nullable String scbAnswer) {
		return update(execution,
				(journal) -> journal.with(new JournalEntry(this.clock.instant(), execution.getId(), kind, message,
						scbAnswer)));
	}

}
