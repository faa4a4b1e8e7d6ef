package se.scbdelivery.delivery.generic;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.journal.DeliveryJournals;
import se.scbdelivery.delivery.launch.DeliveryInputCheck;
import se.scbdelivery.delivery.launch.HeldLeases;
import se.scbdelivery.delivery.launch.RunningExecutions;
import se.scbdelivery.delivery.outcome.DeliveryOutcome;
import se.scbdelivery.delivery.outcome.DeliveryOutcomeListener;
import se.scbdelivery.delivery.outcome.DeliveryReportWriter;
import se.scbdelivery.delivery.step.SharedSteps;
import se.scbdelivery.delivery.waiting.WaitingRuns;
import se.scbdelivery.scb.generic.GenericDeliveryClient;

/**
 * The delivery job for SCB's generic service: one execution delivers one file. Validate
 * the input, make the first call that initialises certificate authentication, post the
 * file (streamed, base64 in JSON) and save the ticket the moment it arrives, follow the
 * ticket until SCB has validated the file and keep SCB's whole result, then write the
 * report. There are no fragments: an interrupted POST is sent again whole, and a saved
 * ticket is followed, never posted again.
 */
@Configuration(proxyBeanMethods = false)
class GenericDeliveryJobConfiguration {

	@Bean
	Job genericDeliveryJob(JobRepository jobRepository, Step validateGenericDeliveryStep, Step genericHeartbeatStep,
			Step submitDeliveryStep, Step awaitValidationStep, Step writeGenericReportStep, RunningExecutions running,
			DeliveryOutcomeListener outcomes) {
		return new JobBuilder(Channel.GENERIC.jobName(), jobRepository).listener(running)
			.listener(outcomes)
			.start(validateGenericDeliveryStep)
			.next(genericHeartbeatStep)
			.next(submitDeliveryStep)
			.next(awaitValidationStep)
			.on(DeliveryOutcome.WAITING.name())
			.stop()
			.from(awaitValidationStep)
			.on("COMPLETED")
			.to(writeGenericReportStep)
			.from(awaitValidationStep)
			.on("*")
			.fail()
			.end()
			.build();
	}

	@Bean
	Step validateGenericDeliveryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliveryInputCheck inputCheck, DeliveryJournals journals) {
		return SharedSteps.validateDelivery(jobRepository, transactionManager, inputCheck, journals);
	}

	@Bean
	Step genericHeartbeatStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenericDeliveryClient generic, DeliveryJournals journals) {
		return new StepBuilder("heartbeat", jobRepository)
			.tasklet(new GenericHeartbeatTasklet(generic, journals), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step submitDeliveryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenericSubmitTasklet submitTasklet) {
		return new StepBuilder("submitDelivery", jobRepository).tasklet(submitTasklet, transactionManager).build();
	}

	@Bean
	Step awaitValidationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenericAwaitValidationTasklet awaitValidationTasklet) {
		return new StepBuilder("awaitValidation", jobRepository).tasklet(awaitValidationTasklet, transactionManager)
			// a restart after waiting for SCB begins here again, to take the result
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step writeGenericReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliveryReportWriter reportWriter) {
		return SharedSteps.writeReport(jobRepository, transactionManager, reportWriter);
	}

	@Bean
	@StepScope
	GenericSubmitTasklet submitTasklet(GenericDeliveryClient generic, DeliveryJournals journals, Clock clock,
			HeldLeases leases) {
		return new GenericSubmitTasklet(generic, journals, clock, leases);
	}

	@Bean
	GenericAwaitValidationTasklet awaitValidationTasklet(GenericStatusPoll status, DeliveryJournals journals,
			WaitingRuns runs) {
		return new GenericAwaitValidationTasklet(status, journals, runs);
	}

}
