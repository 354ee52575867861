// Workerpool runs -jobs jobs on -workers goroutines under a context with a
// deadline. Job i takes i×-step; each job waits on its timer and on the
// context at once, so when the deadline passes the jobs in progress stop
// at once, the feeder stops handing out jobs, and the pool drains. The
// results are printed in job order whichever worker finished first.
//
//	go run examples/workerpool/main.go -workers 2 -jobs 6 -step 100ms -timeout 500ms
package main

import (
	"context"
	"flag"
	"fmt"
	"sync"
	"time"
)

// A result is what a worker reports for one job.
type result struct {
	job int
	err error
}

func main() {
	workers := flag.Int("workers", 2, "run `N` jobs at once")
	jobs := flag.Int("jobs", 6, "number of jobs")
	step := flag.Duration("step", 100*time.Millisecond, "job i takes i×`d`")
	timeout := flag.Duration("timeout", 500*time.Millisecond, "cancel the remaining jobs after `d`")
	flag.Parse()

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()

	jobc := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range jobc {
				results <- result{job, work(ctx, time.Duration(job)*(*step))}
			}
		}()
	}
	go func() {
		defer close(jobc)
		for job := 1; job <= *jobs; job++ {
			select {
			case jobc <- job:
			case <-ctx.Done():
				return // the rest are never started
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	errs := make(map[int]error)
	for r := range results {
		errs[r.job] = r.err
	}
	done := 0
	for job := 1; job <= *jobs; job++ {
		err, ok := errs[job]
		if !ok {
			err = ctx.Err() // never started: the feeder stopped at the deadline
		}
		if err != nil {
			fmt.Printf("job %d: %v\n", job, err)
			continue
		}
		done++
		fmt.Printf("job %d: done\n", job)
	}
	fmt.Printf("%d of %d jobs done within %v\n", done, *jobs, *timeout)
}

// work stands for a job that takes d, unless ctx is done first.
func work(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err // handed out just as the deadline passed
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
