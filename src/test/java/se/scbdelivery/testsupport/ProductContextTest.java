package se.scbdelivery.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The product as one Spring context in the test JVM, for {@link InContextCli} or for a
 * test that drives the jobs itself. This gives the two settings that must be there before
 * the context starts: the command line runner off (the test runs the commands), and the
 * log file under {@code target/} ({@link ProductSettings#IN_CONTEXT_LOG_FILE}; logging is
 * set up before any {@code DynamicPropertySource} is read). Everything else comes from
 * the test's own {@code @DynamicPropertySource}, through
 * {@link ProductSettings#registerIn}:
 *
 * <pre>
 * &#64;ProductContextTest
 * class SomeTest {
 *
 * 	static final ProductSettings SETTINGS = ProductSettings.standard(SomeTest.class).standIn(SharedStandIn.get());
 *
 * 	&#64;DynamicPropertySource
 * 	static void productSettings(DynamicPropertyRegistry registry) {
 * 		SETTINGS.registerIn(registry);
 * 	}
 * </pre>
 *
 * The context cache shares one context among the test classes with the same settings
 * methods.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = { "scb.cli.enabled=false", "logging.file.name=" + ProductSettings.IN_CONTEXT_LOG_FILE })
public @interface ProductContextTest {

}
