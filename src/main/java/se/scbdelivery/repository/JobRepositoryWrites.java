package se.scbdelivery.repository;

import javax.sql.DataSource;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives every user of the job repository the one that leaves out unchanged context writes
 * and rides out an outage of its database, and every user of the database connections
 * that wait for it to come back.
 */
@Component
class JobRepositoryWrites implements BeanPostProcessor {

	private final ObjectProvider<RepositoryOutages> outages;

	JobRepositoryWrites(ObjectProvider<RepositoryOutages> outages) {
		this.outages = outages;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof JobRepository repository) {
			return UnchangedContextWrites.wrap(OutageRetries.wrap(repository, this.outages::getObject));
		}
		if (bean instanceof DataSource dataSource && !(bean instanceof OutageTolerantDataSource)) {
			return new OutageTolerantDataSource(dataSource, this.outages::getObject);
		}
		return bean;
	}

}
