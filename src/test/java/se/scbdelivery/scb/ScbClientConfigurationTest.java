package se.scbdelivery.scb;

import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.netty.resolver.AddressResolverGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.ClearType;
import org.mockserver.verify.VerificationTimes;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.gdb.GdbClient;
import se.scbdelivery.scb.generic.GenericDeliveryClient;
import se.scbdelivery.scb.http.ScbHttpClient;
import se.scbdelivery.testsupport.ProductSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/**
 * The wiring of SCB's clients: one pool of connections for both APIs, disposed when the
 * context closes, and nothing of it built before the first call.
 */
class ScbClientConfigurationTest {

	private static final String GDB_HEARTBEAT = "/m2m/v2/heartbeat";

	private static final String GENERIC_HEARTBEAT = "/API/api/v1/heartbeat";

	private static ClientAndServer scb;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, ScbClientConfiguration.class);

	@BeforeAll
	static void startScb() {
		scb = ClientAndServer.startClientAndServer();
		scb.when(request().withMethod("GET").withPath(GDB_HEARTBEAT))
			.respond(response().withStatusCode(200).withBody("\"2024-06-30T10:15:00Z\""));
		scb.when(request().withMethod("GET").withPath(GENERIC_HEARTBEAT)).respond(response().withStatusCode(200));
	}

	@AfterAll
	static void stopScb() {
		scb.stop();
	}

	@Test
	void bothChannelsCallThroughTheOneConnectionProvider() {
		scb.clear(request(), ClearType.LOG);
		this.contextRunner.withUserConfiguration(CountAcquiredConnections.class)
			.withPropertyValues(baseUrls())
			.run((context) -> {
				context.getBean(GdbClient.class).heartbeat();
				context.getBean(GenericDeliveryClient.class).heartbeat();

				scb.verify(request().withPath(GDB_HEARTBEAT), VerificationTimes.exactly(1));
				scb.verify(request().withPath(GENERIC_HEARTBEAT), VerificationTimes.exactly(1));
				assertThat(context).hasSingleBean(ConnectionProvider.class).hasSingleBean(ScbHttpClient.class);
				assertThat(context.getBean(CountingConnectionProvider.class).acquired)
					.as("connections handed out by the context's one provider, one per call")
					.hasValue(2);
			});
	}

	@Test
	void closingTheContextDisposesTheConnectionPool() {
		this.contextRunner.withPropertyValues(baseUrls()).run((context) -> {
			context.getBean(GdbClient.class).heartbeat();
			ConnectionProvider pool = context.getBean(ConnectionProvider.class);
			assertThat(pool.isDisposed()).as("after a call, before the context closes").isFalse();

			context.close();

			assertThat(pool.isDisposed()).isTrue();
		});
	}

	@Test
	void nothingIsBuiltBeforeTheFirstCall() {
		// a key store that does not exist, and no generic base URL in the test
		// environment
		this.contextRunner.withPropertyValues("scb.tls.key-store=does-not-exist.p12").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(GdbClient.class)).as("what is injected by type")
				.isSameAs(context.getBean("gdbClient"));
			assertThat(context.getBean(GenericDeliveryClient.class)).as("what is injected by type")
				.isSameAs(context.getBean("genericDeliveryClient"));
			for (String bean : new String[] { "scbConnectionProvider", "scbHttpClient", "reactorGdbClient",
					"reactorGenericDeliveryClient" }) {
				assertThat(context.getBeanFactory().containsSingleton(bean)).as(bean).isFalse();
			}

			// the first call opens the key store, before anything is sent
			assertThatException().isThrownBy(() -> context.getBean(GdbClient.class).heartbeat())
				.havingRootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.withMessage("key store does-not-exist.p12 does not exist");
			assertThatException().isThrownBy(() -> context.getBean(GenericDeliveryClient.class).heartbeat())
				.havingRootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.withMessage("key store does-not-exist.p12 does not exist");
		});
	}

	private static String[] baseUrls() {
		String base = "http://localhost:" + scb.getPort();
		return ProductSettings.standard(ScbClientConfigurationTest.class)
			.gdbBaseUrl(base + "/m2m/v2/")
			.genericBaseUrl(base + "/API/")
			.httpMaxAttempts(1)
			.properties()
			.entrySet()
			.stream()
			.map((setting) -> setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScbProperties.class)
	static class Settings {

	}

	/** Wraps the context's provider to count the connections it hands out. */
	@Configuration(proxyBeanMethods = false)
	static class CountAcquiredConnections {

		@Bean
		static BeanPostProcessor countAcquiredConnections() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof ConnectionProvider provider) ? new CountingConnectionProvider(provider)
							: bean;
				}

			};
		}

	}

	static final class CountingConnectionProvider implements ConnectionProvider {

		final AtomicInteger acquired = new AtomicInteger();

		private final ConnectionProvider delegate;

		CountingConnectionProvider(ConnectionProvider delegate) {
			this.delegate = delegate;
		}

		@Override
		public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
				Supplier<? extends SocketAddress> remoteAddress, AddressResolverGroup<?> resolverGroup) {
			this.acquired.incrementAndGet();
			return this.delegate.acquire(config, observer, remoteAddress, resolverGroup);
		}

		@Override
		public void dispose() {
			this.delegate.dispose();
		}

		@Override
		public Mono<Void> disposeLater() {
			return this.delegate.disposeLater();
		}

		@Override
		public boolean isDisposed() {
			return this.delegate.isDisposed();
		}

		@Override
		public int maxConnections() {
			return this.delegate.maxConnections();
		}

		@Override
		public Map<SocketAddress, Integer> maxConnectionsPerHost() {
			return this.delegate.maxConnectionsPerHost();
		}

		@Override
		public String name() {
			return this.delegate.name();
		}

	}

}
