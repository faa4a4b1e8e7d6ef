package se.scbdelivery.scb;

import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.gdb.GdbClient;
import se.scbdelivery.scb.gdb.ReactorGdbClient;
import se.scbdelivery.scb.generic.GenericDeliveryClient;
import se.scbdelivery.scb.generic.ReactorGenericDeliveryClient;
import se.scbdelivery.scb.http.ScbClientObserver;
import se.scbdelivery.scb.http.ScbHttpClient;

/**
 * The process's clients for SCB's two APIs, both on the one {@link ScbHttpClient} and so
 * on one pool of connections, which is disposed when the context closes.
 * <p>
 * Nothing here is built at start-up. The beans others inject, {@code gdbClient} and
 * {@code genericDeliveryClient}, are Spring's {@link Lazy @Lazy} proxies: the first call
 * builds the real client, the HTTP client under it (opening the key store) and the pool.
 * So commands that never call SCB ({@code list}, {@code simulate}) never touch the key
 * store, and a key store that cannot be opened, or a generic base URL the environment
 * does not have, is reported by the delivery's own checks, as one line and exit code 2,
 * instead of failing the application's start. The real clients are not default
 * candidates: only the proxies are injected by type.
 */
@Configuration(proxyBeanMethods = false)
class ScbClientConfiguration {

	/** The one pool of connections to SCB, disposed with the context. */
	@Bean(destroyMethod = "dispose")
	@Lazy
	ConnectionProvider scbConnectionProvider() {
		return ScbHttpClient.connectionPool();
	}

	/** The one HTTP client for SCB; building it opens the key store and sets up TLS. */
	@Bean
	@Lazy
	ScbHttpClient scbHttpClient(ConnectionProvider scbConnectionProvider, ScbProperties properties,
			ObjectProvider<ScbClientObserver> observer) {
		return ScbHttpClient.create(properties.http(), properties.tls(), scbConnectionProvider,
				observer.getIfAvailable(() -> ScbClientObserver.NONE));
	}

	@Bean
	GdbClient gdbClient(@Lazy @Qualifier("reactorGdbClient") GdbClient client) {
		return client;
	}

	@Bean
	GenericDeliveryClient genericDeliveryClient(
			@Lazy @Qualifier("reactorGenericDeliveryClient") GenericDeliveryClient client) {
		return client;
	}

	@Bean(defaultCandidate = false)
	@Lazy
	ReactorGdbClient reactorGdbClient(ScbHttpClient scbHttpClient, ScbProperties properties) {
		return new ReactorGdbClient(scbHttpClient, properties.gdbBaseUrl());
	}

	@Bean(defaultCandidate = false)
	@Lazy
	ReactorGenericDeliveryClient reactorGenericDeliveryClient(ScbHttpClient scbHttpClient, ScbProperties properties) {
		return new ReactorGenericDeliveryClient(scbHttpClient, properties.genericBaseUrl(), properties.generic());
	}

}
