package se.scbdelivery;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rooms of STYLE.md 1 and the one way their dependencies point: cli → delivery, scan,
 * report → scb/gdb, scb/generic → scb/http, with config below them all. Only the main
 * classes are imported; tests may use anything.
 */
@AnalyzeClasses(packages = "se.scbdelivery", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String PRODUCT = "se.scbdelivery..";

	@ArchTest
	static final ArchRule onlyTheCommandLineStartsTheStandIn = noClasses().that()
		.resideOutsideOfPackages("se.scbdelivery.cli..", "se.scbdelivery.simulator..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("se.scbdelivery.simulator..")
		.because("the stand-in is for demo, simulate and the tests, never part of a delivery");

	@ArchTest
	static final ArchRule scbKnowsNothingOfItsCallers = noClasses().that()
		.resideInAPackage("se.scbdelivery.scb..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("se.scbdelivery.delivery..", "se.scbdelivery.scan..", "se.scbdelivery.report..",
				"se.scbdelivery.cli..")
		.because("the SCB clients only map HTTP to records; deliveries, scans and reports use them");

	@ArchTest
	static final ArchRule configDependsOnNothingElseOfTheProduct = noClasses().that()
		.resideInAPackage("se.scbdelivery.config..")
		.should()
		.dependOnClassesThat(resideInAPackage(PRODUCT).and(not(resideInAPackage("se.scbdelivery.config.."))))
		.because("every room reads its settings from config, so config can use none of them");

	@ArchTest
	static final ArchRule gdbClientUsesOnlyTheHttpLayer = scbClientUsesOnlyTheHttpLayer("gdb");

	@ArchTest
	static final ArchRule genericClientUsesOnlyTheHttpLayer = scbClientUsesOnlyTheHttpLayer("generic");

	@ArchTest
	static final ArchRule roomsAreFreeOfCycles = slices().matching("se.scbdelivery.(*)..").should().beFreeOfCycles();

	/**
	 * Empty until delivery is split into gdb, generic, journal, launch and outcome; then
	 * it bites.
	 */
	@ArchTest
	static final ArchRule deliveryRoomsAreFreeOfCycles = slices().matching("se.scbdelivery.delivery.(*)..")
		.should()
		.beFreeOfCycles()
		.allowEmptyShould(true);

	private static ArchRule scbClientUsesOnlyTheHttpLayer(String client) {
		String own = "se.scbdelivery.scb." + client + "..";
		return classes().that()
			.resideInAPackage(own)
			.should()
			.onlyDependOnClassesThat(resideOutsideOfPackage(PRODUCT)
				.or(resideInAnyPackage(own, "se.scbdelivery.scb.http..", "se.scbdelivery.config.."))
				.or(resideInAPackage("se.scbdelivery.scb")))
			.because("each SCB client shares only the HTTP layer, the SCB types and the settings");
	}

}
