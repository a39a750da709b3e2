package org.hcp.doors;

/**
 * A device's secret as issued once, on registration or re-keying, with the set-up address that hands it to the
 * tablet: opening it stores the secret on the tablet and removes it from the address bar.
 */
record DeviceKey(DeviceView device, String secret, String setupUrl) {

	static DeviceKey of(DeviceView device, String secret) {
		return new DeviceKey(device, secret, "/evaluator/" + device.deviceId() + "?key=" + secret);
	}
}
