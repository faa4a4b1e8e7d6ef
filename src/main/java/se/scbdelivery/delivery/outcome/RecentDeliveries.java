package se.scbdelivery.delivery.outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import se.scbdelivery.delivery.Channel;

/**
 * The read side for {@code list}: the reports of the newest deliveries of both channels,
 * each as its newest execution.
 */
@Component
public class RecentDeliveries {

	/** Job instances read from the repository at once. */
	private static final int PAGE = 100;

	private final JobRepository jobRepository;

	private final DeliveryReports reports;

	RecentDeliveries(JobRepository jobRepository, DeliveryReports reports) {
		this.jobRepository = jobRepository;
		this.reports = reports;
	}

	/** The reports of the newest deliveries, newest first. */
	public List<DeliveryReport> recent(int limit) {
		return recent(limit, (execution) -> true);
	}

	/**
	 * The reports of the newest executions that pass the filter, newest first. The filter
	 * sees each execution as the repository holds it; only a match is assembled into a
	 * report (its journal read). Job instances are read a page at a time, newest first,
	 * until each job has given {@code limit} matches: memory holds a page and the
	 * matches, but a filter that matches little reads every execution. As without a
	 * filter, "newest" is by job instance, so a recent restart of an old delivery may be
	 * left out.
	 */
	public List<DeliveryReport> recent(int limit, Predicate<JobExecution> filter) {
		List<DeliveryReport> recent = new ArrayList<>();
		for (Channel channel : Channel.values()) {
			int found = 0;
			for (int start = 0; found < limit; start += PAGE) {
				List<JobInstance> page = this.jobRepository.getJobInstances(channel.jobName(), start, PAGE);
				for (JobInstance instance : page) {
					if (found >= limit) {
						break;
					}
					// one row per delivery: its newest execution says where it stands (a
					// delivery that waited for SCB has a STOPPED execution before it)
					JobExecution last = this.jobRepository.getLastJobExecution(instance);
					if (last != null && filter.test(last)) {
						recent.add(this.reports.of(last));
						found++;
					}
				}
				if (page.size() < PAGE) {
					break;
				}
			}
		}
		recent.sort(Comparator.comparingLong(DeliveryReport::execution).reversed());
		return recent.subList(0, Math.min(limit, recent.size()));
	}

}
