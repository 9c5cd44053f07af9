Console.WriteLine("OrderBot benchmarks: pass a suite name.");
