package se.scbdelivery.delivery;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.gdb.GdbClient;

/**
 * The GDB delivery job: one execution delivers one file. Validate the input and open a session
 * with a heartbeat, upload the fragments (committing after each, so a restart continues
 * after the last one SCB acknowledged), follow the DeliveryId until SCB has processed the
 * file, and write the report. {@code Systemfel} ("upload again") loops back to a new
 * check, heartbeat and upload while re-uploads remain.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryJobConfiguration {

	static final String JOB_NAME = "gdbDelivery";

	@Bean
	Job gdbDeliveryJob(JobRepository jobRepository, Step prepareUploadStep, Step uploadFragmentsStep,
			Step awaitProcessingStep, DeliveryJobListener deliveryJobListener) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(deliveryJobListener)
			.start(prepareUploadStep)
			.next(uploadFragmentsStep)
			.next(awaitProcessingStep)
			.on(AwaitProcessingTasklet.RESUBMIT)
			.to(prepareUploadStep)
			.from(awaitProcessingStep)
			.on("COMPLETED")
			.end()
			.from(awaitProcessingStep)
			.on("*")
			.fail()
			.end()
			.build();
	}

	/**
	 * Checks the file and the certificate, then opens a session with a heartbeat: at every
	 * start and restart, and before every re-upload after Systemfel. One step, not two, because
	 * each step costs the job repository about eight transactions (issue 6's bulk profile).
	 */
	@Bean
	Step prepareUploadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliveryInputCheck inputCheck, DeliveryJournals journals, ScbProperties properties, GdbClient gdb,
			GdbSessions sessions) {
		Tasklet validate = ValidateDeliveryTasklet.fragmented(inputCheck, journals, properties);
		Tasklet heartbeat = new HeartbeatTasklet(gdb, sessions);
		return new StepBuilder("prepareUpload", jobRepository).tasklet((contribution, chunkContext) -> {
			validate.execute(contribution, chunkContext);
			return heartbeat.execute(contribution, chunkContext);
		}, transactionManager).allowStartIfComplete(true).build();
	}

	@Bean
	Step uploadFragmentsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FragmentReader fragmentReader, FragmentWriter fragmentWriter, DeliveryJournals journals, Clock clock) {
		return new StepBuilder("uploadFragments", jobRepository).<Fragment, Fragment>chunk(1)
			.reader(fragmentReader)
			.writer(fragmentWriter)
			.listener(new UploadAttemptListener(journals, clock))
			.transactionManager(transactionManager)
			.build();
	}

	@Bean
	Step awaitProcessingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AwaitProcessingTasklet awaitProcessingTasklet) {
		return new StepBuilder("awaitProcessing", jobRepository).tasklet(awaitProcessingTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	FragmentReader fragmentReader(@Value("#{stepExecution}") StepExecution stepExecution, DeliveryJournals journals) {
		return new FragmentReader(plan(journals.read(stepExecution.getJobExecution())));
	}

	@Bean
	@StepScope
	FragmentWriter fragmentWriter(@Value("#{stepExecution}") StepExecution stepExecution, GdbClient gdb,
			GdbSessions sessions, DeliveryJournals journals, Clock clock) {
		DeliveryRequest request = DeliveryJobParameters.request(stepExecution.getJobExecution().getJobParameters());
		return new FragmentWriter(gdb, sessions, journals, stepExecution.getJobExecution(),
				plan(journals.read(stepExecution.getJobExecution())), request.file(),
				request.uploadTarget(), clock);
	}

	@Bean
	@StepScope
	AwaitProcessingTasklet awaitProcessingTasklet(GdbClient gdb, GdbSessions sessions, DeliveryJournals journals,
			DeliveryReports reports, ScbProperties properties, Clock clock) {
		return new AwaitProcessingTasklet(gdb, sessions, journals, reports, properties, clock);
	}

	@Bean
	DeliveryJobListener deliveryJobListener(GdbSessions sessions, DeliveryJournals journals, DeliveryReports reports,
			RunningExecutions running) {
		return new DeliveryJobListener(sessions, journals, reports, running);
	}

	private static FragmentPlan plan(DeliveryJournal journal) {
		return new FragmentPlan(journal.fileSize(), journal.fragmentSize());
	}

}
