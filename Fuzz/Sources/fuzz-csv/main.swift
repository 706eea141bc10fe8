import FuzzSupport

FuzzDriver.run()
