package se.scbdelivery.repository;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives every user of the job repository the one that leaves out unchanged context
 * writes.
 */
@Component
class JobRepositoryWrites implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof JobRepository repository) ? UnchangedContextWrites.wrap(repository) : bean;
	}

}
