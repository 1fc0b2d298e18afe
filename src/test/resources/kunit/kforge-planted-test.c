// SPDX-License-Identifier: GPL-2.0
/*
 * KunitIT's planted suite, added to a copy of the kernel tree: every case passes unless a boot parameter asks
 * otherwise, so one kernel serves three runs. kforge_planted_test.fail=1 makes one case fail with a message;
 * kforge_planted_test.panic=1 makes the kernel panic in the middle of the suite (case 3 of 4).
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>

static bool fail;
module_param(fail, bool, 0);
static bool panic_now;
module_param_named(panic, panic_now, bool, 0);

static void kforge_planted_passes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
}

static void kforge_planted_fails(struct kunit *test)
{
	int answer = fail ? 41 : 42;

	KUNIT_EXPECT_EQ_MSG(test, answer, 42, "kforge: the planted failure");
}

static void kforge_planted_panics(struct kunit *test)
{
	if (panic_now)
		panic("kforge: the planted panic in kforge_planted_panics");
	KUNIT_EXPECT_TRUE(test, true);
}

static void kforge_planted_after(struct kunit *test)
{
	KUNIT_EXPECT_NE(test, 1, 2);
}

static struct kunit_case kforge_planted_cases[] = {
	KUNIT_CASE(kforge_planted_passes),
	KUNIT_CASE(kforge_planted_fails),
	KUNIT_CASE(kforge_planted_panics),
	KUNIT_CASE(kforge_planted_after),
	{}
};

static struct kunit_suite kforge_planted_suite = {
	.name = "kforge-planted",
	.test_cases = kforge_planted_cases,
};
kunit_test_suite(kforge_planted_suite);

MODULE_LICENSE("GPL");
