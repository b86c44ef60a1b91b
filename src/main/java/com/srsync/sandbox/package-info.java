/**
 * The sandbox: a simulated ShotGrid site ({@link com.srsync.sandbox.SimulatedShotGrid}, seeded with the old
 * tool's small studio) and a simulated Resilio console ({@link com.srsync.sandbox.SimulatedConsole}) in the same
 * process as the service, so a newcomer sees jobs appear without any account. Started only with
 * {@code SANDBOX=true} ({@link com.srsync.sandbox.Sandbox}); never part of the production wiring.
 */
package com.srsync.sandbox;
