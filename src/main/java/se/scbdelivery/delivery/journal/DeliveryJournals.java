package se.scbdelivery.delivery.journal;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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

	/**
	 * The journal last parsed or written per execution, with the very string it came
	 * from: a delivery reads its journal a dozen times, and parsing it each time was a
	 * tenth of a small delivery's CPU (issue 6's bulk profile). Keyed by identity of the
	 * string, so a context reloaded from the database is parsed afresh.
	 */
	private final Map<Long, Parsed> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Parsed> eldest) {
			return size() > 64;
		}
	});

	DeliveryJournals(JobRepository jobRepository, Clock clock) {
		this.jobRepository = jobRepository;
		this.json = JsonMapper.builder().findAndAddModules().build();
		this.clock = clock;
	}

	public DeliveryJournal read(JobExecution execution) {
		String text = execution.getExecutionContext().get(KEY, String.class);
		Parsed known = this.recent.get(execution.getId());
		if (known != null && known.text() == text) {
			return known.journal();
		}
		DeliveryJournal journal = parse(text);
		if (text != null) {
			this.recent.put(execution.getId(), new Parsed(text, journal));
		}
		return journal;
	}

	String write(DeliveryJournal journal) {
		return this.json.writeValueAsString(journal);
	}

	DeliveryJournal parse(@Nullable String text) {
		return (text != null) ? this.json.readValue(text, DeliveryJournal.class) : DeliveryJournal.empty();
	}

	public DeliveryJournal update(JobExecution execution, UnaryOperator<DeliveryJournal> change) {
		DeliveryJournal changed = change.apply(read(execution));
		String text = write(changed);
		execution.getExecutionContext().putString(KEY, text);
		this.recent.put(execution.getId(), new Parsed(text, changed));
		this.jobRepository.updateExecutionContext(execution);
		return changed;
	}

	public DeliveryJournal note(JobExecution execution, JournalEntry.Kind kind, String message,
			@Nullable String scbAnswer) {
		return update(execution, (journal) -> journal
			.with(new JournalEntry(this.clock.instant(), execution.getId(), kind, message, scbAnswer)));
	}

	private record Parsed(String text, DeliveryJournal journal) {
	}

}
