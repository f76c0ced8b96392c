package translit_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/translit"
)

func Example() {
	for _, s := range translit.Schemes(language.Russian) {
		fmt.Printf("%-10s %s\n", s.Name(), s.Romanize("Юлия Щеглова, Йошкар-Ола"))
	}
	// Output:
	// bgn-pcgn   Yuliya Shcheglova, Yoshkar-Ola
	// iso9       Ûliâ Ŝeglova, Joškar-Ola
	// gost779b   Yuliya Shheglova, Joshkar-Ola
	// ala-lc     I͡ulii͡a Shcheglova, Ĭoshkar-Ola
	// icao       Iuliia Shcheglova, Ioshkar-Ola
	// wikipedia  Yuliya Shcheglova, Yoshkar-Ola
	// scientific Julija Ščeglova, Joškar-Ola
}

func ExampleLookup() {
	s, ok := translit.Lookup("kk-latin-2021")
	if !ok {
		panic("no scheme")
	}
	fmt.Println(s.Language(), s.Romanize("Нұрсұлтан Әбішұлы Назарбаев"))
	// Output:
	// kk Nūrsūltan Äbışūly Nazarbaev
}
