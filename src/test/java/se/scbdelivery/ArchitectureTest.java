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

	@ArchTest
	static final ArchRule deliveryRoomsAreFreeOfCycles = slices().matching("se.scbdelivery.delivery.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule theGdbJobKnowsNothingOfTheGenericOne = noClasses().that()
		.resideInAPackage("se.scbdelivery.delivery.gdb..")
		.should()
		.dependOnClassesThat(resideInAPackage("se.scbdelivery.delivery.generic.."))
		.because("each channel's job is one room; what both share lives in the rooms below them");

	@ArchTest
	static final ArchRule theGenericJobKnowsNothingOfTheGdbOne = noClasses().that()
		.resideInAPackage("se.scbdelivery.delivery.generic..")
		.should()
		.dependOnClassesThat(resideInAPackage("se.scbdelivery.delivery.gdb.."))
		.because("each channel's job is one room; what both share lives in the rooms below them");

	@ArchTest
	static final ArchRule deliveryValuesKnowNoRoomBelowThem = noClasses().that()
		.resideInAPackage("se.scbdelivery.delivery")
		.should()
		.dependOnClassesThat(resideInAPackage("se.scbdelivery.delivery.(*).."))
		.because("the requests and job parameters are what every delivery room shares");

	@ArchTest
	static final ArchRule launchingKnowsNoChannelsJob = noClasses().that()
		.resideInAnyPackage("se.scbdelivery.delivery.launch..", "se.scbdelivery.delivery.outcome..",
				"se.scbdelivery.delivery.journal..", "se.scbdelivery.delivery.step..",
				"se.scbdelivery.delivery.retention..")
		.should()
		.dependOnClassesThat(resideInAnyPackage("se.scbdelivery.delivery.gdb..", "se.scbdelivery.delivery.generic.."))
		.because("the jobs are found by their Channel's name; launching, outcomes and the journal serve both");

	@ArchTest
	static final ArchRule retentionSitsAboveWhatItPrunes = noClasses().that()
		.resideInAPackage("se.scbdelivery.delivery..")
		.and()
		.resideOutsideOfPackage("se.scbdelivery.delivery.retention..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("se.scbdelivery.delivery.retention..")
		.because("the launcher reads the records of pruned deliveries through its own PrunedDeliveries; "
				+ "only the command line starts a prune");

	@ArchTest
	static final ArchRule theStandInsServerKnowsNoChannel = noClasses().that()
		.resideInAPackage("se.scbdelivery.simulator.server..")
		.should()
		.dependOnClassesThat(resideInAnyPackage("se.scbdelivery.simulator.gdb..", "se.scbdelivery.simulator.generic.."))
		.because("the stand-in's HTTP server, faults and files are shared by both channels' stand-ins");

	@ArchTest
	static final ArchRule theJobRepositoryRoomUsesOnlyConfig = noClasses().that()
		.resideInAPackage("se.scbdelivery.repository..")
		.should()
		.dependOnClassesThat(resideInAPackage(PRODUCT)
			.and(not(resideInAnyPackage("se.scbdelivery.repository..", "se.scbdelivery.config.."))))
		.because(
				"how Spring Batch's writes reach the database, and the disk, is below every job; it reads only its settings");

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
