/** JMH benchmarks of the software HSM: PIN translations and MACs per second. */
package io.caspian.bench.hsm;
