package se.scbdelivery.delivery.outcome;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The read side for {@code list}: the reports of the newest deliveries of both channels,
 * each as its newest execution (or, asked for, as every execution).
 */
@Component
public class RecentDeliveries {

	private final DeliveryExecutions executions;

	private final JobRepository jobRepository;

	private final DeliveryReports reports;

	RecentDeliveries(DeliveryExecutions executions, JobRepository jobRepository, DeliveryReports reports) {
		this.executions = executions;
		this.jobRepository = jobRepository;
		this.reports = reports;
	}

	/**
	 * The reports of the newest executions that match, newest first, at most
	 * {@code limit}. The database finds them; only those are read and assembled into
	 * reports (their journals read).
	 */
	public List<DeliveryReport> recent(DeliveryQuery query, int limit) {
		List<DeliveryReport> recent = new ArrayList<>();
		for (DeliveryExecutions.Found found : this.executions.find(query, limit)) {
			JobExecution execution = this.jobRepository.getJobExecution(found.execution());
			// pruned between the query and this read: it is gone, so is its row
			if (execution != null) {
				recent.add(this.reports.of(execution, found.supersededBy()));
			}
		}
		return recent;
	}

}
