package se.scbdelivery.delivery.gdb;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.transaction.PlatformTransactionManager;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.GdbDeliveryRequest;
import se.scbdelivery.delivery.journal.DeliveryJournal;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.launch.DeliveryInputCheck;
import se.scbdelivery.delivery.launch.HeldLeases;
import se.scbdelivery.delivery.launch.RunningExecutions;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.DeliveryOutcomeListener;
import se.scbdelivery.delivery.outcome.DeliveryReportWriter;
import se.scbdelivery.delivery.step.SharedSteps;
import se.scbdelivery.delivery.waiting.WaitingRuns;
import se.scbdelivery.scb.gdb.GdbClient;

/**
 * The GDB delivery job: one execution delivers one file. Validate the input, open a
 * session with a heartbeat, upload the fragments (committing after each, so a restart
 * continues after the last one SCB acknowledged), follow the DeliveryId until SCB has
 * processed the file, and write the report. While SCB processes the file the execution
 * stops at the poll step and waits without a delivery slot (see
 * {@code se.scbdelivery.delivery.waiting}); the restart that follows SCB's final answer
 * passes the completed upload and takes the verdict. {@code Systemfel} ("upload again")
 * loops back to a new validation, heartbeat and upload while re-uploads remain. A restart
 * runs the validation and the heartbeat again (a new session for the fragments and polls
 * that remain) and continues at the step that did not complete.
 */
@Configuration(proxyBeanMethods = false)
class GdbDeliveryJobConfiguration {

	@Bean
	Job gdbDeliveryJob(JobRepository jobRepository, Step validateGdbDeliveryStep, Step gdbHeartbeatStep,
			Step uploadFragmentsStep, Step awaitProcessingStep, Step writeGdbReportStep, RunningExecutions running,
			DeliveryOutcomeListener outcomes, GdbSessions sessions) {
		return new JobBuilder(Channel.GDB.jobName(), jobRepository).listener(running)
			.listener(outcomes)
			.listener(sessions)
			.start(validateGdbDeliveryStep)
			.next(gdbHeartbeatStep)
			.next(uploadFragmentsStep)
			.next(awaitProcessingStep)
			.on(GdbAwaitProcessingTasklet.RESUBMIT)
			.to(validateGdbDeliveryStep)
			.from(awaitProcessingStep)
			.on(DeliveryOutcome.WAITING.name())
			.stop()
			.from(awaitProcessingStep)
			.on("COMPLETED")
			.to(writeGdbReportStep)
			.from(awaitProcessingStep)
			.on("*")
			.fail()
			.end()
			.build();
	}

	/** At every start and restart, and before every re-upload after Systemfel. */
	@Bean
	Step validateGdbDeliveryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliveryInputCheck inputCheck, DeliveryJournals journals) {
		return SharedSteps.validateDelivery(jobRepository, transactionManager, inputCheck, journals);
	}

	/**
	 * Before every upload and every poll: the session's cookies go with each fragment and
	 * poll.
	 */
	@Bean
	Step gdbHeartbeatStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, GdbClient gdb,
			GdbSessions sessions, DeliveryJournals journals) {
		return new StepBuilder("heartbeat", jobRepository)
			.tasklet(new GdbHeartbeatTasklet(gdb, sessions, journals), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step uploadFragmentsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FragmentReader fragmentReader, FragmentWriter fragmentWriter, DeliveryJournals journals,
			ScbProperties properties, Clock clock) {
		return new StepBuilder("uploadFragments", jobRepository).<Fragment, Fragment>chunk(1)
			.reader(fragmentReader)
			.writer(fragmentWriter)
			.listener(new GdbUploadAttemptListener(journals, properties.upload().fragmentSize(), clock))
			.transactionManager(transactionManager)
			// again after waiting for SCB, for a re-upload on Systemfel; the listener
			// makes it send nothing when the upload is complete
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step awaitProcessingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GdbAwaitProcessingTasklet awaitProcessingTasklet) {
		return new StepBuilder("awaitProcessing", jobRepository).tasklet(awaitProcessingTasklet, transactionManager)
			// a restart after waiting for SCB begins here again, to take the verdict
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step writeGdbReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliveryReportWriter reportWriter) {
		return SharedSteps.writeReport(jobRepository, transactionManager, reportWriter);
	}

	/**
	 * How this delivery's file is cut, as fixed in the journal when its first upload
	 * began.
	 */
	// step-scoped without a proxy (a record cannot have one): resolved when the reader
	// and
	// the writer are, inside the step
	@Bean
	@Scope("step")
	FragmentPlan fragmentPlan(@Value("#{stepExecution}") StepExecution stepExecution, DeliveryJournals journals) {
		DeliveryJournal journal = journals.read(stepExecution.getJobExecution());
		return new FragmentPlan(journal.fileSize(), journal.fragmentSize());
	}

	@Bean
	@StepScope
	FragmentReader fragmentReader(FragmentPlan fragmentPlan) {
		return new FragmentReader(fragmentPlan);
	}

	@Bean
	@StepScope
	FragmentWriter fragmentWriter(@Value("#{stepExecution}") StepExecution stepExecution, FragmentPlan fragmentPlan,
			GdbClient gdb, GdbSessions sessions, DeliveryJournals journals, Clock clock, HeldLeases leases) {
		JobExecution execution = stepExecution.getJobExecution();
		GdbDeliveryRequest request = DeliveryJobParameters.gdbRequest(execution.getJobParameters());
		return new FragmentWriter(gdb, sessions, journals, execution, fragmentPlan, request.file(),
				request.uploadTarget(), clock, leases);
	}

	@Bean
	GdbAwaitProcessingTasklet awaitProcessingTasklet(GdbHistoryPoll history, GdbSessions sessions,
			DeliveryJournals journals, WaitingRuns runs, ScbProperties properties) {
		return new GdbAwaitProcessingTasklet(history, sessions, journals, runs, properties);
	}

}
