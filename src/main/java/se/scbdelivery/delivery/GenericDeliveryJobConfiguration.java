package se.scbdelivery.delivery;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.generic.GenericDeliveryClient;

/**
 * The delivery job for SCB's generic service: one execution delivers one file. Validate the
 * input, make the first call that initialises certificate authentication, post the file
 * (streamed, base64 in JSON) and save the ticket the moment it arrives, follow the ticket
 * until SCB has validated the file, then fetch and keep SCB's whole result and write the
 * report. There are no fragments: an interrupted POST is sent again whole, and a saved
 * ticket is followed, never posted again.
 */
@Configuration(proxyBeanMethods = false)
class GenericDeliveryJobConfiguration {

	static final String JOB_NAME = "genericDelivery";

	@Bean
	Job genericDeliveryJob(JobRepository jobRepository, Step validateGenericDeliveryStep, Step genericHeartbeatStep,
			Step submitDeliveryStep, Step awaitValidationStep, Step validationReportStep,
			DeliveryJobListener deliveryJobListener) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(deliveryJobListener)
			.start(validateGenericDeliveryStep)
			.next(genericHeartbeatStep)
			.next(submitDeliveryStep)
			.next(awaitValidationStep)
			.next(validationReportStep)
			.build();
	}

	@Bean
	Step validateGenericDeliveryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliveryInputCheck inputCheck, DeliveryJournals journals) {
		return new StepBuilder("validateDelivery", jobRepository)
			.tasklet(ValidateDeliveryTasklet.wholeFile(inputCheck, journals), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step genericHeartbeatStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenericDeliveryClient generic) {
		return new StepBuilder("heartbeat", jobRepository).tasklet((contribution, context) -> {
			generic.heartbeat();
			return RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).build();
	}

	@Bean
	Step submitDeliveryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SubmitDeliveryTasklet submitDeliveryTasklet) {
		return new StepBuilder("submitDelivery", jobRepository).tasklet(submitDeliveryTasklet, transactionManager)
			.build();
	}

	@Bean
	Step awaitValidationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AwaitValidationTasklet awaitValidationTasklet) {
		return new StepBuilder("awaitValidation", jobRepository).tasklet(awaitValidationTasklet, transactionManager)
			.build();
	}

	@Bean
	Step validationReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			GenericDeliveryClient generic, DeliveryJournals journals, DeliveryReports reports, Clock clock) {
		return new StepBuilder("writeReport", jobRepository)
			.tasklet(new ValidationReportTasklet(generic, journals, reports, clock), transactionManager)
			.build();
	}

	@Bean
	@StepScope
	SubmitDeliveryTasklet submitDeliveryTasklet(GenericDeliveryClient generic, DeliveryJournals journals, Clock clock) {
		return new SubmitDeliveryTasklet(generic, journals, clock);
	}

	@Bean
	@StepScope
	AwaitValidationTasklet awaitValidationTasklet(GenericDeliveryClient generic, DeliveryJournals journals,
			ScbProperties properties, Clock clock) {
		return new AwaitValidationTasklet(generic, journals, properties, clock);
	}

}
